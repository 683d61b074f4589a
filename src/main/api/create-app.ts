import { mkdirSync } from 'node:fs';
import { resolveDataDir } from '../platform/index';
import type { AppContext } from './app-context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { EventBus } from './event-bus';
import { createAppHandlers } from './handlers/app';

export { resolveDataDir };
export type { CallContext, Dispatch } from './dispatcher';
export { EventBus } from './event-bus';

export interface CreateAppOptions {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives method names of unexpected failures; never user content. */
  log?: (line: string) => void;
}

export interface App {
  readonly dataDir: string;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): Promise<void>;
}

/** Builds the main-process services once; Electron, the browser shell and the CLI all share this. */
export async function createApp(options: CreateAppOptions = {}): Promise<App> {
  const dataDir = resolveDataDir(options.dataDir, options.env);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const ctx: AppContext = { dataDir, platform: process.platform, events: new EventBus(), disposers: [] };
  const handlers: Handlers = {
    ...createAppHandlers(ctx),
  };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dispatch = createDispatcher(handlers, {
    onInternalError: (method, error) =>
      log(`internal error in ${method}: ${error instanceof Error ? error.name : 'unknown'}`),
  });
  return {
    dataDir,
    dispatch,
    events: ctx.events,
    close: async () => {
      for (const dispose of ctx.disposers.reverse()) await dispose();
    },
  };
}
