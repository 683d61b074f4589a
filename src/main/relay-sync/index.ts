// Relay backup and restore: the API layer imports only this file.
export { RelaySyncService, writeExchanges, type RelaySyncDeps } from './relay-sync-service';
