import { LlmError, type LlmService } from '../../llm/index';
import { isStoreError } from '../../store/index';
import { AppError } from '../app-error';
import type { Handlers } from '../dispatcher';

type ModelsHandlers = Pick<
  Handlers,
  | 'models.list'
  | 'models.info'
  | 'models.import'
  | 'models.verify'
  | 'models.remove'
  | 'models.recommended'
  | 'models.download'
  | 'models.select'
>;

/** The llm and store services throw their own error classes (services may not import the API layer): map them here. */
export async function llmCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof LlmError) throw new AppError(e.code, e.message, e.retryAfterMs);
    // Chats persist through the encrypted store, which says LOCKED (a StoreError) while the vault is locked.
    if (isStoreError(e)) throw new AppError(e.code, e.message);
    throw e;
  }
}

export function createModelsHandlers(llm: LlmService): ModelsHandlers {
  return {
    'models.list': () => llmCall(() => llm.models.list()),
    'models.info': ({ id }) => llmCall(() => llm.models.info(id)),
    'models.import': ({ path }) => llmCall(() => llm.models.import(path)),
    'models.verify': ({ id }) => llmCall(() => llm.models.verify(id)),
    'models.remove': ({ id }) => llmCall(() => llm.models.remove(id)),
    'models.recommended': () => llmCall(() => llm.models.recommended()),
    'models.download': ({ id }, call) => llmCall(() => llm.models.download(id, call.signal)),
    'models.select': ({ id }) => llmCall(() => llm.models.select(id)),
  };
}
