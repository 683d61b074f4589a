import { z } from 'zod';
import { AppError } from './errors';
import type { OutboundGuard } from './outbound-guard';
import { DEFAULT_TEMPERATURE, type ChatProvider, type ChatRequest, type Delta } from './provider';
import { sseData } from './sse';

export interface ServerConfig {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
}

export interface OpenAIProviderOptions {
  readonly config: () => ServerConfig | null;
  readonly guard: OutboundGuard;
  /** Until the response headers arrive (a hung server). */
  readonly connectTimeoutMs?: number;
  /** Longest silence between two streamed chunks. */
  readonly idleTimeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const chunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).passthrough().nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional(),
  usage: z.object({ completion_tokens: z.number().optional() }).nullish(),
});

const providerError = (why: string) => new AppError('PROVIDER_ERROR', `The server could not answer (${why}).`);

/** An OpenAI-compatible chat server (a clinic's llama.cpp server, Ollama on the LAN), streamed over SSE. */
export class OpenAICompatibleProvider implements ChatProvider {
  readonly kind = 'server' as const;

  constructor(private readonly o: OpenAIProviderOptions) {}

  destination(): { host: string; model: string } | null {
    const c = this.o.config();
    if (!c) return null;
    return { host: safeHost(c.baseUrl), model: c.model };
  }

  available(): boolean {
    const c = this.o.config();
    return !!c && !!c.baseUrl && !!c.model;
  }

  async *chat(request: ChatRequest, signal: AbortSignal): AsyncIterable<Delta> {
    const c = this.o.config();
    if (!c || !this.available()) throw new AppError('UNAVAILABLE', 'No server is set up. Add its address in Settings.');
    const url = `${c.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    await this.o.guard.check(url, 'chat (server provider)');
    request.onQueue?.(0);
    const local = new AbortController();
    const onAbort = () => local.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let timer = setTimeout(() => local.abort(), this.o.connectTimeoutMs ?? 30_000);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => local.abort(), this.o.idleTimeoutMs ?? 60_000);
    };
    let tokens = 0;
    let finished = false;
    try {
      const res = await (this.o.fetch ?? fetch)(url, {
        method: 'POST',
        signal: local.signal,
        redirect: 'error', // a redirect could lead past the outbound guard
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(c.apiKey ? { authorization: `Bearer ${c.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: c.model,
          stream: true,
          max_tokens: request.maxTokens ?? 1024,
          temperature: request.temperature ?? DEFAULT_TEMPERATURE,
          messages: [
            { role: 'system', content: request.system },
            ...request.history.map((t) => ({ role: t.role, content: t.text })),
            { role: 'user', content: request.message },
          ],
        }),
      });
      if (!res.ok) throw providerError(`HTTP ${res.status}`);
      if (!res.body) throw providerError('empty response');
      if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) throw providerError('not a stream');
      rearm();
      let reason: 'complete' | 'length' = 'complete';
      for await (const data of sseData(res.body as unknown as AsyncIterable<Uint8Array>)) {
        rearm();
        if (data === '[DONE]') {
          finished = true;
          break;
        }
        const chunk = parseChunk(data);
        for (const choice of chunk.choices ?? []) {
          const text = choice.delta?.content;
          if (text) {
            tokens++;
            yield { type: 'text', text };
          }
          if (choice.finish_reason) {
            finished = true;
            if (choice.finish_reason === 'length') reason = 'length';
          }
        }
        if (chunk.usage?.completion_tokens) tokens = chunk.usage.completion_tokens;
      }
      if (!finished) throw providerError('the stream ended early');
      yield { type: 'done', reason, tokens, model: c.model };
    } catch (e) {
      if (signal.aborted) {
        yield { type: 'done', reason: 'stopped', tokens, model: c.model };
        return;
      }
      if (e instanceof AppError) throw e;
      if (local.signal.aborted) throw providerError('timed out');
      throw providerError('connection failed');
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      local.abort(); // frees the socket if we stopped reading early
    }
  }
}

function parseChunk(data: string): z.infer<typeof chunkSchema> {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw providerError('garbled stream');
  }
  if (json && typeof json === 'object' && 'error' in json) throw providerError('the server reported an error');
  const parsed = chunkSchema.safeParse(json);
  if (!parsed.success) throw providerError('unexpected stream format');
  return parsed.data;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid address';
  }
}
