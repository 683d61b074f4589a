// Assembles a running relay from a configuration: database (PostgreSQL or embedded PGlite), migrations,
// key ring, audit log, upstream and HTTP server, plus the timers that rotate keys and write checkpoints.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { RelayConfig } from './config';
import { PgDb, PgliteDb, RELAY_ROLE, type Db } from './db/db';
import { migrate } from './db/migrate';
import { AuditLog } from './audit/audit-log';
import { AuthService } from './auth/auth-service';
import { KeyRing } from './keys/key-ring';
import { createUpstream, type Upstream } from './chat/upstream';
import { buildServer } from './server';
import { historyCompanion, type SealedExchange } from './history/history-store';

export interface RunningRelay {
  app: ReturnType<typeof buildServer>;
  url: string;
  db: Db;
  audit: AuditLog<SealedExchange>;
  keys: KeyRing;
  logger: Logger;
  /** Graceful: stop accepting, let in-flight requests finish, flush the audit queue, close the database. */
  close(): Promise<void>;
}

export interface RelayOptions {
  logDestination?: DestinationStream;
  upstream?: Upstream;
  now?: () => number;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dbt-coach-relay' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Bodies and credentials never reach the log; URLs are logged without their query string.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.body', 'body'],
        censor: '[redacted]',
      },
      serializers: {
        req: (r: { method?: string; url?: string; id?: string }) => ({
          id: r.id,
          method: r.method,
          path: r.url?.split('?')[0],
        }),
        res: (r: { statusCode?: number }) => ({ statusCode: r.statusCode }),
      },
    },
    destination ?? pino.destination(1),
  );
}

export async function openDatabase(config: RelayConfig): Promise<Db> {
  if (config.databaseUrl) {
    const owner = new PgDb(config.migrationDatabaseUrl ?? config.databaseUrl, { max: 1 });
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
    return new PgDb(config.databaseUrl, { role: RELAY_ROLE, max: 20 });
  }
  const db = await PgliteDb.open(config.dataDir);
  await migrate(db);
  return db;
}

export async function startRelay(config: RelayConfig, opts: RelayOptions = {}): Promise<RunningRelay> {
  const now = opts.now ?? Date.now;
  const logger = createLogger(config.logLevel, opts.logDestination);
  const db = await openDatabase(config);
  const audit = new AuditLog<SealedExchange>(db, historyCompanion);
  const keys = new KeyRing(config.keyRotationMs, config.keyGraceMs, now);
  keys.maintain();
  let ready = true;
  const app = buildServer({
    config,
    db,
    keys,
    audit,
    auth: new AuthService(db, config.tokenTtlMs, now),
    upstream: opts.upstream ?? createUpstream(config.upstream),
    logger,
    isReady: () => ready,
    now,
  });
  const timers = [
    setInterval(() => keys.maintain(), Math.min(config.keyRotationMs / 10, 60_000)),
    setInterval(
      () => void audit.checkpoint().catch(() => logger.warn('audit checkpoint failed')),
      config.auditCheckpointMs,
    ),
    setInterval(() => {
      void db.query('DELETE FROM seen_requests WHERE expires_at < $1', [now()]).catch(() => undefined);
      void db.query('DELETE FROM tokens WHERE expires_at < $1', [now()]).catch(() => undefined);
    }, 60_000),
  ];
  timers.forEach((t) => t.unref());
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  logger.info({ port, database: db.dialect }, 'relay listening');
  let closing: Promise<void> | null = null;
  return {
    app,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    db,
    audit,
    keys,
    logger,
    close: () =>
      (closing ??= (async () => {
        ready = false;
        timers.forEach(clearInterval);
        await app.close();
        await audit.drain();
        await audit.checkpoint().catch(() => undefined);
        keys.clear();
        await db.close();
      })()),
  };
}
