import { LlamaChat, type ChatHistoryItem } from 'node-llama-cpp';
import { Channel } from './channel';
import { fitToContext } from './context-fit';
import { AppError } from './errors';
import type { GenerationQueue } from './generation-queue';
import type { LocalEngine } from './local-engine';
import { DEFAULT_TEMPERATURE, type ChatProvider, type ChatRequest, type Delta } from './provider';

const DEFAULT_MAX_TOKENS = 512;

/** The on-device provider: llama.cpp through node-llama-cpp, the chat template from the model's metadata. */
export class LocalProvider implements ChatProvider {
  readonly kind = 'local' as const;

  constructor(
    private readonly engine: LocalEngine,
    private readonly queue: GenerationQueue,
    private readonly hasModel: () => boolean,
  ) {}

  destination(): null {
    return null;
  }

  available(): boolean {
    return this.hasModel();
  }

  async *chat(request: ChatRequest, signal: AbortSignal): AsyncIterable<Delta> {
    let releaseQueue: (() => void) | null = null;
    let releaseEngine: (() => void) | null = null;
    let chat: LlamaChat | null = null;
    let modelId = 'local';
    let tokens = 0;
    let sawDone = false;
    try {
      releaseQueue = await this.queue.acquire(signal, request.onQueue);
      const used = await this.engine.use(signal);
      releaseEngine = used.release;
      const { loaded } = used;
      modelId = loaded.modelId;
      const maxTokens = Math.min(request.maxTokens ?? DEFAULT_MAX_TOKENS, Math.floor(loaded.contextSize / 2));
      const fitted = fitToContext(request.system, request.history, request.message, {
        contextSize: loaded.contextSize,
        reserve: maxTokens,
        countTokens: (t) => loaded.model.tokenize(t).length,
      });
      const history: ChatHistoryItem[] = [
        { type: 'system', text: fitted.system },
        ...fitted.history.map((t): ChatHistoryItem =>
          t.role === 'user' ? { type: 'user', text: t.text } : { type: 'model', response: [t.text] },
        ),
        { type: 'user', text: request.message },
      ];
      chat = new LlamaChat({
        contextSequence: loaded.sequence,
        chatWrapper: loaded.chatWrapper,
        autoDisposeSequence: false,
      });
      const out = new Channel<Delta>();
      const generation = chat
        .generateResponse(history, {
          maxTokens,
          temperature: request.temperature ?? DEFAULT_TEMPERATURE,
          signal,
          stopOnAbortSignal: true,
          onToken: (t) => (tokens += t.length),
          onTextChunk: (text) => out.push({ type: 'text', text }),
        })
        .then(
          (res) => {
            const why = res.metadata.stopReason;
            const reason = signal.aborted || why === 'abort' ? 'stopped' : why === 'maxTokens' ? 'length' : 'complete';
            out.push({ type: 'done', reason, tokens, model: modelId });
            out.close();
          },
          (e: unknown) => out.close(signal.aborted ? undefined : e),
        );
      try {
        for await (const delta of out) {
          if (delta.type === 'done') sawDone = true;
          yield delta;
        }
      } finally {
        await generation;
      }
      if (!sawDone) yield { type: 'done', reason: 'stopped', tokens, model: modelId };
    } catch (e) {
      if (signal.aborted) {
        if (!sawDone) yield { type: 'done', reason: 'stopped', tokens, model: modelId };
        return;
      }
      if (e instanceof AppError) throw e;
      throw new AppError('PROVIDER_ERROR', 'The on-device model stopped with an error.');
    } finally {
      chat?.dispose({ disposeSequence: false });
      releaseEngine?.();
      releaseQueue?.();
    }
  }
}
