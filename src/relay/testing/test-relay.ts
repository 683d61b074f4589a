// Test harness: a relay on a loopback port against PGlite (in memory) or a real PostgreSQL database,
// with its log captured in memory so tests can scan it.
import { Writable } from 'node:stream';
import { loadConfig, type RelayConfig } from '../config';
import { startRelay, type RunningRelay } from '../relay';

export interface TestRelay extends RunningRelay {
  logText(): string;
}

export async function startTestRelay(
  upstreamUrl: string,
  opts: { databaseUrl?: string; dataDir?: string; overrides?: Partial<RelayConfig>; upstreamTimeoutMs?: number } = {},
): Promise<TestRelay> {
  const base = loadConfig({
    RELAY_PORT: '0',
    RELAY_UPSTREAM_BASE_URL: upstreamUrl,
    RELAY_UPSTREAM_TIMEOUT_MS: String(opts.upstreamTimeoutMs ?? 5000),
    RELAY_LOG_LEVEL: 'info',
    RELAY_RATE_PER_IP_PER_MIN: '100000',
    RELAY_RATE_PER_TOKEN_PER_MIN: '100000',
  });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  const config: RelayConfig = { ...base, databaseUrl: opts.databaseUrl, ...opts.overrides };
  // PGlite in memory unless a data dir is given: loadConfig's default folder is for the CLI only.
  const relay = await startRelay(config.databaseUrl ? config : { ...config, dataDir: opts.dataDir ?? '' }, {
    logDestination: sink,
  });
  return { ...relay, logText: () => lines.join('') };
}
