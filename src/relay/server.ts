// The relay's HTTP surface (docs/relay-protocol.md). Wiring only: each route validates input with zod,
// authenticates, and calls a service; errors leave through one handler as RelayError JSON.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { b64u, fromB64u, SUITE } from './client/protocol';
import type { RelayConfig } from './config';
import type { Db } from './db/db';
import type { AuditLog, AuditAction, AuditOutcome } from './audit/audit-log';
import type { AuthService, Principal } from './auth/auth-service';
import type { KeyRing } from './keys/key-ring';
import { chatBodySchema, handleChat } from './chat/chat-handler';
import type { Upstream } from './chat/upstream';
import { ReplayGuard } from './chat/replay-guard';
import { getExchange, listExchanges, type SealedExchange } from './history/history-store';
import { decodeBody } from './http/body';
import { RelayError } from './http/errors';
import { RateLimiter } from './http/rate-limit';

export interface RelayDeps {
  config: RelayConfig;
  db: Db;
  keys: KeyRing;
  auth: AuthService;
  audit: AuditLog<SealedExchange>;
  upstream: Upstream;
  logger: Logger;
  isReady: () => boolean;
  now?: () => number;
}

const key32 = z
  .string()
  .length(43)
  .refine((s) => fromB64u(s)?.length === 32);
const idStr = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const registerSchema = z.strictObject({
  ed25519PublicKey: key32,
  x25519PublicKey: key32,
  label: z
    .string()
    .max(64)
    .regex(/^[^\p{C}]*$/u),
});
const challengeSchema = z.strictObject({ accountId: idStr });
const loginSchema = z.strictObject({ accountId: idStr, challengeId: idStr, signature: z.string().length(86) });
const historyQuerySchema = z.strictObject({
  conversationId: idStr.optional(),
  since: z.coerce.number().int().nonnegative().optional(),
  until: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new RelayError('INVALID_INPUT');
  return r.data;
}

export function buildServer(d: RelayDeps) {
  const now = d.now ?? Date.now;
  const c = d.config;
  const app = Fastify({
    loggerInstance: d.logger,
    bodyLimit: c.bodyLimit,
    connectionTimeout: c.connectionTimeoutMs,
    requestTimeout: c.requestTimeoutMs,
    keepAliveTimeout: 5_000,
    trustProxy: c.trustProxy,
    genReqId: () => b64u(randomBytes(12)),
    return503OnClosing: true,
  });
  app.server.headersTimeout = Math.min(c.connectionTimeoutMs, 60_000);
  const replay = new ReplayGuard(d.db, now);
  const perIp = new RateLimiter(c.ratePerIpPerMin, now);
  const perToken = new RateLimiter(c.ratePerTokenPerMin, now);
  const audit = (accountId: string | null, action: AuditAction, outcome: AuditOutcome, requestId: string) =>
    d.audit.append({ accountId, action, outcome, requestId });
  const limited = (wait: number) =>
    new RelayError('RATE_LIMITED', {}, { 'retry-after': String(Math.ceil(wait / 1000)) });

  app.addHook('onRequest', async (req) => {
    if (req.url === '/healthz' || req.url === '/readyz') return;
    const wait = perIp.take(req.ip);
    if (wait > 0) throw limited(wait);
  });
  app.addHook('preParsing', async (req, _reply, payload) =>
    decodeBody(payload, req.headers['content-encoding'], c.bodyLimit),
  );
  app.setErrorHandler((err, req, reply) => {
    let e: RelayError;
    if (err instanceof RelayError) e = err;
    else {
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      e = new RelayError(
        status === 413
          ? 'TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_ENCODING'
            : status < 500
              ? 'INVALID_INPUT'
              : 'INTERNAL',
      );
      // Log the error class and code only: messages of parser errors can quote the body.
      if (status >= 500)
        req.log.error({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'internal error');
    }
    void reply.code(e.statusCode).headers(e.headers).send(e.body());
  });
  app.setNotFoundHandler((_req, reply) => void reply.code(404).send(new RelayError('NOT_FOUND').body()));

  const authed = async (req: FastifyRequest, useCache = false): Promise<Principal> => {
    const p = await d.auth.authenticate(req.headers.authorization, useCache);
    const wait = perToken.take(p.tokenId);
    if (wait > 0) throw limited(wait);
    return p;
  };

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (!d.isReady()) return reply.code(503).send(new RelayError('UNAVAILABLE').body());
    try {
      await d.db.query('SELECT 1');
    } catch {
      return reply.code(503).send(new RelayError('UNAVAILABLE').body());
    }
    return { status: 'ready' };
  });

  app.get('/v1/keys', async () => ({
    suite: { kem: 'DHKEM(X25519, HKDF-SHA256)', kdf: 'HKDF-SHA256', aead: 'AES-256-GCM', ...SUITE },
    serverTime: now(),
    keys: d.keys.published(),
  }));

  app.post('/v1/accounts', async (req, reply) => {
    const b = parse(registerSchema, req.body);
    const accountId = await d.auth.register(fromB64u(b.ed25519PublicKey)!, fromB64u(b.x25519PublicKey)!, b.label);
    await audit(accountId, 'register', 'ok', req.id);
    return reply.code(201).send({ accountId });
  });

  app.post('/v1/auth/challenge', async (req) => d.auth.challenge(parse(challengeSchema, req.body).accountId));

  app.post('/v1/auth/login', async (req) => {
    const b = parse(loginSchema, req.body);
    const sig = fromB64u(b.signature);
    try {
      if (!sig || sig.length !== 64) throw new RelayError('UNAUTHORIZED');
      const out = await d.auth.login(b.accountId, b.challengeId, sig);
      await audit(b.accountId, 'login', 'ok', req.id);
      return out;
    } catch (err) {
      if (err instanceof RelayError && err.code === 'UNAUTHORIZED') await audit(null, 'login', 'denied', req.id);
      throw err;
    }
  });

  app.post('/v1/auth/logout', async (req, reply) => {
    const p = await authed(req);
    await d.auth.logout(p);
    await audit(p.accountId, 'logout', 'ok', req.id);
    return reply.code(204).send();
  });

  app.post('/v1/auth/revoke-all', async (req, reply) => {
    const p = await authed(req);
    await d.auth.revokeAll(p);
    await audit(p.accountId, 'revoke_all', 'ok', req.id);
    return reply.code(204).send();
  });

  app.post('/v1/chat', async (req, reply) => {
    const p = await authed(req, true);
    try {
      const body = parse(chatBodySchema, req.body);
      const closed = new AbortController();
      // 'close' on the response fires when the client goes away before the reply is done.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) closed.abort();
      });
      return await handleChat(
        {
          replay,
          keys: d.keys,
          audit: d.audit,
          upstream: d.upstream,
          upstreamTimeoutMs: c.upstream.timeoutMs,
          now,
          forgetToken: (id) => d.auth.forget(id),
        },
        p,
        body,
        reply,
        closed.signal,
      );
    } catch (err) {
      // A principal from the cache may have been revoked on another instance in the last seconds: it must
      // get the one 401, not a different error for the same request (the success path re-checks in SQL).
      if (p.cached && !(err instanceof RelayError && err.code === 'UNAUTHORIZED')) {
        await d.auth.authenticate(req.headers.authorization);
      }
      throw err;
    }
  });

  app.get('/v1/history', async (req) => {
    const p = await authed(req);
    const q = parse(historyQuerySchema, req.query);
    const items = await listExchanges(d.db, p.accountId, q);
    await audit(p.accountId, 'history_list', 'ok', req.id);
    return { items };
  });

  app.get('/v1/history/:id', async (req) => {
    const p = await authed(req);
    const { id } = parse(z.strictObject({ id: idStr }), req.params);
    const item = await getExchange(d.db, p.accountId, id);
    await audit(p.accountId, 'history_fetch', item ? 'ok' : 'denied', req.id);
    if (!item) throw new RelayError('NOT_FOUND');
    return item;
  });

  return app;
}
