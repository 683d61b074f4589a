import type { LlmService } from '../../llm/index';
import type { Handlers } from '../dispatcher';
import { llmCall } from './models';

type ChatHandlers = Pick<
  Handlers,
  | 'chat.send'
  | 'chat.stop'
  | 'chat.regenerate'
  | 'chat.edit'
  | 'chat.closePrivate'
  | 'chat.confirmRemote'
  | 'providers.get'
  | 'providers.set'
  | 'privacy.connections'
  | 'privacy.setOffline'
>;

/** Engine-level chat: replies stream as chat.delta / chat.queue / chat.done events, not in the result. */
export function createChatHandlers(llm: LlmService): ChatHandlers {
  return {
    'chat.send': (input) => llmCall(() => llm.chat.send(input)),
    'chat.stop': ({ conversationId }) => llmCall(async () => ({ stopped: await llm.chat.stop(conversationId) })),
    'chat.regenerate': ({ conversationId }) => llmCall(() => llm.chat.regenerate(conversationId)),
    'chat.edit': (input) => llmCall(() => llm.chat.edit(input)),
    'chat.closePrivate': ({ conversationId }) =>
      llmCall(async () => ({ closed: await llm.chat.closePrivate(conversationId) })),
    'chat.confirmRemote': ({ conversationId, provider }) =>
      llmCall(async () => ({ confirmed: await llm.chat.confirmRemote(conversationId, provider) })),
    'providers.get': () => llmCall(() => llm.providers.get()),
    'providers.set': (input) => llmCall(() => llm.providers.set(input)),
    'privacy.connections': () => llmCall(() => llm.privacy.connections()),
    'privacy.setOffline': ({ offline }) => llmCall(() => llm.privacy.setOffline(offline)),
  };
}
