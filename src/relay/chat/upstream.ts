// The OpenAI-compatible upstream. Base URL, model and API key come only from the relay's environment;
// clients cannot choose them. Errors become typed RelayErrors without upstream text (it may echo prompts).
import OpenAI from 'openai';
import type { RelayConfig } from '../config';
import type { RequestPlaintext } from '../client/protocol';
import { RelayError } from '../http/errors';
import { createHttpFetch } from './http-fetch';
import { createJsonPoster, UpstreamStatusError } from './upstream-json';

export interface Completion {
  text: string;
  finishReason: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface Upstream {
  complete(req: RequestPlaintext, signal: AbortSignal): Promise<Completion>;
  /** Resolves once the upstream has accepted the request (errors before that reject here). */
  stream(req: RequestPlaintext, signal: AbortSignal): Promise<AsyncIterable<{ delta: string; finishReason?: string }>>;
}

export function mapUpstreamError(err: unknown, signal?: AbortSignal): RelayError {
  if (err instanceof RelayError) return err;
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    return new RelayError(
      reason instanceof Error && reason.name === 'TimeoutError' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_ERROR',
    );
  }
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new RelayError('UPSTREAM_TIMEOUT');
  if (err instanceof UpstreamStatusError) return new RelayError('UPSTREAM_ERROR');
  if (err instanceof Error && err.name === 'AbortError') return new RelayError('UPSTREAM_TIMEOUT');
  return new RelayError('UPSTREAM_ERROR');
}

export function createUpstream(cfg: RelayConfig['upstream']): Upstream {
  const client = new OpenAI({
    baseURL: cfg.baseUrl,
    apiKey: cfg.apiKey,
    timeout: cfg.timeoutMs,
    maxRetries: 0,
    fetch: createHttpFetch(),
  });
  const params = (req: RequestPlaintext) => ({
    model: cfg.model,
    messages: req.messages,
    max_tokens: Math.min(req.maxTokens ?? cfg.maxTokens, cfg.maxTokens),
    ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
  });
  const post = createJsonPoster(cfg.baseUrl, cfg.apiKey);
  return {
    // Non-streaming: the same request the SDK would send, over a plain keep-alive connection
    // (upstream-json.ts says why). Streaming below keeps the SDK and its SSE parsing.
    async complete(req, signal) {
      try {
        const r = (await post({ ...params(req), stream: false }, signal)) as {
          choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
          usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
        } | null;
        const choice = Array.isArray(r?.choices) ? r.choices[0] : undefined;
        const u = r?.usage;
        return {
          text: typeof choice?.message?.content === 'string' ? choice.message.content : '',
          finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : 'stop',
          usage:
            u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number'
              ? { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens }
              : undefined,
        };
      } catch (err) {
        throw mapUpstreamError(err, signal);
      }
    },
    async stream(req, signal) {
      let s: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
      try {
        s = await client.chat.completions.create({ ...params(req), stream: true }, { signal });
      } catch (err) {
        throw mapUpstreamError(err, signal);
      }
      return (async function* () {
        try {
          for await (const chunk of s) {
            const c = chunk.choices[0];
            yield { delta: c?.delta?.content ?? '', finishReason: c?.finish_reason ?? undefined };
          }
        } catch (err) {
          throw mapUpstreamError(err, signal);
        }
      })();
    },
  };
}
