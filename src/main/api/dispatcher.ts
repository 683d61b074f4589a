import {
  fail,
  isMethodName,
  methods,
  ok,
  type ApiResult,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../shared/api';
import { isAppError } from './app-error';
import { hasHostileKeys } from './hostile-keys';

/** Who is calling; transports fill it so handlers can tell a CLI from a window. */
export interface CallContext {
  readonly transport: 'electron' | 'browser-shell' | 'cli';
  readonly signal?: AbortSignal;
}

export type Handler<M extends MethodName> = (input: MethodInput<M>, ctx: CallContext) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<ApiResult<unknown>>;

export interface DispatcherOptions {
  /** Receives unexpected errors for the log; it must not log user content (only the name). */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The one dispatcher: method name → validated input → handler → typed result.
 * Every transport calls this and nothing else.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, rawInput, ctx) => {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', 'Unknown method.');
    if (hasHostileKeys(rawInput)) return fail('INVALID_INPUT', 'Input contains forbidden keys.');
    const parsed = methods[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error.issues));
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      if (isAppError(error)) return fail(error.code, error.message, error.retryAfterMs);
      options.onInternalError?.(method, error);
      return fail('INTERNAL', 'Something went wrong inside the app. Nothing was changed.');
    }
  };
}

/** Field paths and issue kinds only: never echo the rejected value back (it may be private text). */
function describeIssues(issues: readonly { path: PropertyKey[]; code: string }[]): string {
  const parts = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.code}`);
  return `Invalid input: ${parts.join('; ')}`;
}
