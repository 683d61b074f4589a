// The browser shell's public surface for the CLI.
export { startServer, PortInUseError, LOOPBACK, type RunningServer, type ServerOptions } from './server';
