// `dbt-coach relay [serve]` and `dbt-coach relay audit-verify`. argv starts with 'relay' (from bin/dbt-coach.mjs).
import { ConfigError, loadConfig } from './config';
import { openDatabase, startRelay } from './relay';
import { verifyAuditChain } from './audit/audit-verify';
import { MigrationError } from './db/migrate';

const HELP = `Usage: dbt-coach relay [serve] [--data-dir DIR] [--port N] [--host ADDR]
       dbt-coach relay audit-verify [--data-dir DIR]

Runs the DBT Coach remote relay: HPKE-encrypted prompts in, an OpenAI-compatible upstream out,
ciphertext-only history and a hash-chained audit log. With DATABASE_URL set it uses PostgreSQL;
otherwise an embedded PGlite database in the data folder (default ~/.local/share/dbt-coach-relay).

Environment: DATABASE_URL, RELAY_MIGRATION_DATABASE_URL, RELAY_DATA_DIR, RELAY_HOST, RELAY_PORT,
RELAY_UPSTREAM_BASE_URL, RELAY_UPSTREAM_MODEL, RELAY_UPSTREAM_API_KEY, RELAY_UPSTREAM_TIMEOUT_MS,
RELAY_MAX_TOKENS, RELAY_KEY_ROTATION_MS, RELAY_KEY_GRACE_MS, RELAY_TOKEN_TTL_MS, RELAY_BODY_LIMIT_BYTES,
RELAY_RATE_PER_TOKEN_PER_MIN, RELAY_RATE_PER_IP_PER_MIN, RELAY_CONNECTION_TIMEOUT_MS,
RELAY_REQUEST_TIMEOUT_MS, RELAY_AUDIT_CHECKPOINT_MS, RELAY_TRUST_PROXY, RELAY_LOG_LEVEL.
See docs/relay-protocol.md and docs/relay-threat-model.md.`;

function flags(args: string[]): { env: Record<string, string>; rest: string[] } | string {
  const env: Record<string, string> = {};
  const rest: string[] = [];
  const map: Record<string, string> = {
    '--data-dir': 'RELAY_DATA_DIR',
    '--port': 'RELAY_PORT',
    '--host': 'RELAY_HOST',
  };
  for (let i = 0; i < args.length; i++) {
    const name = args[i] ?? '';
    const target = map[name];
    if (target) {
      const v = args[++i];
      if (v === undefined) return `${name} needs a value`;
      env[target] = v;
    } else if (name.startsWith('--')) return `unknown option ${name}`;
    else rest.push(name);
  }
  return { env, rest };
}

export async function main(argv: string[]): Promise<number> {
  const args = argv[0] === 'relay' ? argv.slice(1) : argv;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const f = flags(args);
  if (typeof f === 'string') {
    console.error(`${f}\n\n${HELP}`);
    return 2;
  }
  const command = f.rest[0] ?? 'serve';
  try {
    const config = loadConfig({ ...process.env, ...f.env });
    if (command === 'audit-verify') {
      const db = await openDatabase(config);
      try {
        const r = await verifyAuditChain(db);
        if (r.ok) console.log(`audit chain OK: ${r.rows} rows, ${r.checkpoints} checkpoints, head ${r.headHash}`);
        else console.error(`audit chain BROKEN at row ${r.firstBad!.seq}: ${r.firstBad!.reason}`);
        return r.ok ? 0 : 1;
      } finally {
        await db.close();
      }
    }
    if (command !== 'serve') {
      console.error(`unknown relay command '${command}'\n\n${HELP}`);
      return 2;
    }
    const relay = await startRelay(config);
    await new Promise<void>((resolve) => {
      const stop = () => {
        relay.logger.info('shutting down');
        void relay.close().then(resolve, resolve);
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    return 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof MigrationError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}
