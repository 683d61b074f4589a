import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type ApiResult, type EventName, type EventPayload } from '../../shared/api';
import { EVENT_CHANNEL, IPC_PREFIX } from '../../shared/transport';
import type { App } from '../api/index';
import { isAppUrl } from './app-url';

/** The parts of an Electron frame the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of our window the sender check and event forwarding need. */
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly mainFrame: FrameLike;
    isDestroyed(): boolean;
    send(channel: string, ...args: unknown[]): void;
  };
}

export interface SenderEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

/**
 * True only when the call comes from the top frame of our own window showing app://dbt-coach.
 * Sub-frames, other windows or webContents, about:blank, foreign origins and frames that have
 * already gone away (senderFrame null) are all refused.
 */
export function isTrustedSender(event: SenderEventLike, win: WindowLike | null): boolean {
  try {
    if (win === null || win.isDestroyed() || win.webContents.isDestroyed()) return false;
    if (event.sender !== win.webContents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame === undefined || frame.parent !== null) return false;
    const main = win.webContents.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isAppUrl(frame.url);
  } catch {
    // Reading a disposed frame throws: treat it like any other unknown sender.
    return false;
  }
}

/** Raised to the invoking renderer as a rejected promise; it never reaches the dispatcher. */
export class SenderRefusedError extends Error {
  constructor() {
    super('IPC sender refused');
    this.name = 'SenderRefusedError';
  }
}

/**
 * One ipcMain.handle per contract method, channel `api:<method>`. Nothing else is registered,
 * so any other channel has no handler at all. Returns a function that removes them again.
 */
export function registerApiHandlers(app: Pick<App, 'dispatch'>, getWindow: () => WindowLike | null): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(
      `${IPC_PREFIX}${method}`,
      async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> => {
        if (!isTrustedSender(event as unknown as SenderEventLike, getWindow())) throw new SenderRefusedError();
        return app.dispatch(method, input, { transport: 'electron' });
      },
    );
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(`${IPC_PREFIX}${method}`);
  };
}

/** Pushes main-process events to our window only (never broadcast to every webContents). */
export function forwardEvents(app: Pick<App, 'events'>, getWindow: () => WindowLike | null): () => void {
  return app.events.subscribe(<E extends EventName>(name: E, payload: EventPayload<E>) => {
    const win = getWindow();
    if (win === null || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(EVENT_CHANNEL, { name, payload });
  });
}
