// The public surface of the API layer for the shells (electron, server, cli).
export {
  createApp,
  resolveDataDir,
  EventBus,
  type App,
  type CreateAppOptions,
  type CallContext,
  type Dispatch,
} from './create-app';
