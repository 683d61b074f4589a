// Relay configuration: environment variables only (12-factor), validated once at start so a typo
// fails fast with a message naming the variable instead of a confusing error later.
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

const envSchema = z.object({
  RELAY_HOST: z.string().default('127.0.0.1'),
  RELAY_PORT: int(8787, 0).pipe(z.number().max(65535)),
  DATABASE_URL: z.string().url().optional(),
  /** Optional owner connection for migrations; the relay then serves with DATABASE_URL's role. */
  RELAY_MIGRATION_DATABASE_URL: z.string().url().optional(),
  RELAY_DATA_DIR: z.string().min(1).optional(),
  RELAY_UPSTREAM_BASE_URL: z.string().url().default('http://127.0.0.1:8080/v1'),
  RELAY_UPSTREAM_MODEL: z.string().min(1).default('default'),
  RELAY_UPSTREAM_API_KEY: z.string().default('none'),
  RELAY_UPSTREAM_TIMEOUT_MS: int(60_000, 100),
  RELAY_MAX_TOKENS: int(1024, 1),
  RELAY_KEY_ROTATION_MS: int(3_600_000, 1000),
  RELAY_KEY_GRACE_MS: int(300_000, 0),
  RELAY_TOKEN_TTL_MS: int(3_600_000, 1000),
  RELAY_BODY_LIMIT_BYTES: int(256 * 1024, 1024),
  RELAY_RATE_PER_TOKEN_PER_MIN: int(120, 1),
  RELAY_RATE_PER_IP_PER_MIN: int(600, 1),
  RELAY_CONNECTION_TIMEOUT_MS: int(30_000, 100),
  RELAY_REQUEST_TIMEOUT_MS: int(120_000, 100),
  RELAY_AUDIT_CHECKPOINT_MS: int(60_000, 100),
  RELAY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  RELAY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface RelayConfig {
  host: string;
  port: number;
  databaseUrl?: string;
  migrationDatabaseUrl?: string;
  dataDir: string;
  upstream: { baseUrl: string; model: string; apiKey: string; timeoutMs: number; maxTokens: number };
  keyRotationMs: number;
  keyGraceMs: number;
  tokenTtlMs: number;
  bodyLimit: number;
  ratePerTokenPerMin: number;
  ratePerIpPerMin: number;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  auditCheckpointMs: number;
  trustProxy: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<RelayConfig> = {}): RelayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid relay configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.RELAY_HOST,
    port: e.RELAY_PORT,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.RELAY_MIGRATION_DATABASE_URL,
    // Outside any checkout by default, so a developer's `npm run relay` leaves the repository clean.
    dataDir: e.RELAY_DATA_DIR ?? path.join(homedir(), '.local', 'share', 'dbt-coach-relay'),
    upstream: {
      baseUrl: e.RELAY_UPSTREAM_BASE_URL,
      model: e.RELAY_UPSTREAM_MODEL,
      apiKey: e.RELAY_UPSTREAM_API_KEY,
      timeoutMs: e.RELAY_UPSTREAM_TIMEOUT_MS,
      maxTokens: e.RELAY_MAX_TOKENS,
    },
    keyRotationMs: e.RELAY_KEY_ROTATION_MS,
    keyGraceMs: e.RELAY_KEY_GRACE_MS,
    tokenTtlMs: e.RELAY_TOKEN_TTL_MS,
    bodyLimit: e.RELAY_BODY_LIMIT_BYTES,
    ratePerTokenPerMin: e.RELAY_RATE_PER_TOKEN_PER_MIN,
    ratePerIpPerMin: e.RELAY_RATE_PER_IP_PER_MIN,
    connectionTimeoutMs: e.RELAY_CONNECTION_TIMEOUT_MS,
    requestTimeoutMs: e.RELAY_REQUEST_TIMEOUT_MS,
    auditCheckpointMs: e.RELAY_AUDIT_CHECKPOINT_MS,
    trustProxy: e.RELAY_TRUST_PROXY === 'true',
    logLevel: e.RELAY_LOG_LEVEL,
    ...overrides,
  };
}
