// POST /v1/chat: open the sealed request, forward it upstream, seal the reply with keys exported from the
// same HPKE context, and store the exchange sealed to the account key. Order matters: the replay record is
// written before the upstream call (so a duplicate never reaches it twice), and history is written only
// after the whole reply succeeded (so an upstream failure stores nothing half-way).
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import {
  fromB64u,
  LABELS,
  MAX_CLOCK_SKEW_MS,
  requestAad,
  sealChunk,
  CHUNK_CONTENT_TYPE,
  type ChunkMessage,
  type RequestPlaintext,
  type ResponseKeys,
} from '../client/protocol';
import type { ReplayGuard } from './replay-guard';
import type { AuditLog } from '../audit/audit-log';
import type { Principal } from '../auth/auth-service';
import type { KeyRing } from '../keys/key-ring';
import { HpkeOpenError, setupBaseR } from '../keys/hpke-native';
import { RelayError } from '../http/errors';
import { sealExchange, type SealedExchange } from '../history/history-store';
import { mapUpstreamError, type Upstream } from './upstream';

const id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const chatBodySchema = z.strictObject({
  keyId: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/),
  requestId: id,
  conversationId: id,
  timestamp: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  enc: z.string().length(43),
  ct: z.string().min(22).max(1_000_000),
});
export type ChatBody = z.infer<typeof chatBodySchema>;

const plaintextSchema = z.strictObject({
  messages: z
    .array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(200_000) }))
    .min(1)
    .max(500),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  stream: z.boolean(),
  store: z.boolean(),
});

const INFO = Buffer.from(LABELS.requestInfo);
const enc = (m: ChunkMessage): Buffer => Buffer.from(JSON.stringify(m), 'utf8');

export interface ChatDeps {
  replay: ReplayGuard;
  keys: KeyRing;
  audit: AuditLog<SealedExchange>;
  upstream: Upstream;
  upstreamTimeoutMs: number;
  now: () => number;
  /** Drops a token from the authentication cache once the database says it is gone. */
  forgetToken?: (tokenId: string) => void;
}

export async function handleChat(d: ChatDeps, p: Principal, body: ChatBody, reply: FastifyReply, closed: AbortSignal) {
  const audit = (outcome: 'ok' | 'replay' | 'invalid' | 'upstream_error') =>
    d.audit.append({ accountId: p.accountId, action: 'chat', outcome, requestId: body.requestId });
  const key = d.keys.find(body.keyId);
  if (!key || key.notBefore > d.now()) throw new RelayError('KEY_EXPIRED', { keys: d.keys.published() });
  const encBytes = fromB64u(body.enc);
  const ct = fromB64u(body.ct);
  if (!encBytes || encBytes.length !== 32 || !ct) throw new RelayError('UNDECRYPTABLE');

  let plain: RequestPlaintext;
  let keys: ResponseKeys;
  try {
    const ctx = setupBaseR(encBytes, key.pair, INFO);
    const pt = ctx.open(ct, requestAad({ ...body, tokenId: p.tokenId }));
    keys = {
      key: ctx.export(Buffer.from(LABELS.responseKey), 32),
      baseNonce: ctx.export(Buffer.from(LABELS.responseNonce), 12),
    };
    ctx.destroy();
    const parsed = plaintextSchema.safeParse(JSON.parse(pt.toString('utf8')));
    pt.fill(0);
    if (!parsed.success) throw new RelayError('INVALID_INPUT');
    plain = parsed.data;
  } catch (err) {
    await audit('invalid');
    if (err instanceof HpkeOpenError || err instanceof SyntaxError) throw new RelayError('UNDECRYPTABLE');
    throw err;
  }
  if (Math.abs(d.now() - body.timestamp) > MAX_CLOCK_SKEW_MS) {
    await audit('invalid');
    throw new RelayError('CLOCK_SKEW', { serverTime: d.now() });
  }
  // Replay guard and token re-check in one (group-committed) statement: replay-guard.ts.
  const r = await d.replay.check({
    requestId: body.requestId,
    encHash: createHash('sha256').update(encBytes).digest(),
    expiresAt: body.timestamp + 2 * MAX_CLOCK_SKEW_MS,
    tokenHash: p.tokenHash,
  });
  if (!r.authed) {
    d.forgetToken?.(p.tokenId);
    throw new RelayError('UNAUTHORIZED');
  }
  if (!r.fresh) {
    await audit('replay');
    throw new RelayError('REPLAY');
  }

  const signal = AbortSignal.any([closed, AbortSignal.timeout(d.upstreamTimeoutMs)]);
  // The sealed history record commits in the same transaction as the audit entry: both or neither.
  const finish = async (text: string) => {
    const sealed = plain.store
      ? sealExchange(p.accountId, p.x25519, {
          requestId: body.requestId,
          conversationId: body.conversationId,
          createdAt: d.now(),
          messages: plain.messages,
          reply: text,
        })
      : null;
    await d.audit.append(
      { accountId: p.accountId, action: 'chat', outcome: 'ok', requestId: body.requestId },
      sealed ?? undefined,
    );
  };

  if (!plain.stream) {
    let text: string;
    let done: ChunkMessage;
    try {
      const r = await d.upstream.complete(plain, signal);
      text = r.text;
      done = { t: 'done', finishReason: r.finishReason, usage: r.usage };
    } catch (err) {
      await audit('upstream_error');
      throw mapUpstreamError(err, signal);
    }
    await finish(text);
    const frames = Buffer.concat([
      sealChunk(keys, 0, false, enc({ t: 'delta', text })),
      sealChunk(keys, 1, true, enc(done)),
    ]);
    return reply.header('content-type', CHUNK_CONTENT_TYPE).send(frames);
  }

  let it: AsyncIterable<{ delta: string; finishReason?: string }>;
  try {
    it = await d.upstream.stream(plain, signal);
  } catch (err) {
    await audit('upstream_error');
    throw mapUpstreamError(err, signal);
  }
  const out = new PassThrough();
  void (async () => {
    let seq = 0;
    let text = '';
    let finishReason = 'stop';
    try {
      for await (const c of it) {
        if (c.finishReason) finishReason = c.finishReason;
        if (!c.delta) continue;
        text += c.delta;
        out.write(sealChunk(keys, seq++, false, enc({ t: 'delta', text: c.delta })));
      }
      await finish(text);
      out.end(sealChunk(keys, seq, true, enc({ t: 'done', finishReason })));
    } catch (err) {
      const e = mapUpstreamError(err, signal);
      await audit('upstream_error').catch(() => undefined);
      out.end(sealChunk(keys, seq, true, enc({ t: 'error', code: e.code, message: e.message })));
    }
  })();
  return reply.header('content-type', CHUNK_CONTENT_TYPE).send(out);
}
