import type { LlmService } from '../../llm/index';
import type { Handlers } from '../dispatcher';
import { llmCall } from './models';

type BundleHandlers = Pick<Handlers, 'models.importBundle'>;

export function createBundleHandlers(llm: LlmService): BundleHandlers {
  return {
    'models.importBundle': ({ path, confirmFingerprint }) =>
      llmCall(() => llm.models.importBundle(path, confirmFingerprint)),
  };
}
