// One small database interface over PostgreSQL (pg) and embedded PGlite, so every repository and
// migration is written once. SQL uses $n placeholders, which both drivers accept.
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export type Row = Record<string, unknown>;
export interface Queryable {
  /** `name`: prepare the statement once per connection under this name (PostgreSQL; PGlite ignores it). */
  query<T extends Row = Row>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
}
export interface Db extends Queryable {
  readonly dialect: 'postgres' | 'pglite';
  /**
   * `preamble`: parameterless SQL sent in the same round trip as BEGIN (simple-query protocol); the rows
   * of its last statement are passed to `fn`. Used by the audit log to lock and read the chain head at once.
   */
  transaction<T>(fn: (tx: Queryable, preambleRows: Row[]) => Promise<T>, preamble?: string): Promise<T>;
  close(): Promise<void>;
}

// Drivers disagree on int8 (string vs number) and bytea (Buffer vs Uint8Array): normalize at the edge.
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v as string));
export const bytes = (v: unknown): Buffer => Buffer.from(v as Uint8Array);

export const RELAY_ROLE = 'dbt_coach_relay';

export class PgDb implements Db {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;

  /**
   * `role`: every connection runs as this role, so the relay has the restricted grants of the migrations.
   * Set in the startup packet rather than by a SET ROLE after connecting: a connection whose role cannot be
   * assumed fails instead of silently running as the login user, and no query races the SET on a new client.
   */
  constructor(url: string, opts: { role?: string; max?: number } = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 10,
      ...(opts.role ? { options: `-c role=${opts.role}` } : {}),
    });
    this.pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  }
  async query<T extends Row = Row>(sql: string, params: unknown[] = [], name?: string): Promise<T[]> {
    return (await this.pool.query({ text: sql, values: params, name })).rows as T[];
  }
  async transaction<T>(fn: (tx: Queryable, preambleRows: Row[]) => Promise<T>, preamble?: string): Promise<T> {
    const c = await this.pool.connect();
    try {
      const begun = (await c.query(preamble ? `BEGIN; ${preamble}` : 'BEGIN')) as unknown as
        pg.QueryResult | pg.QueryResult[];
      const rows = Array.isArray(begun) ? (begun.at(-1)?.rows ?? []) : [];
      const out = await fn(
        { query: async (s, p = [], name) => (await c.query({ text: s, values: p, name })).rows },
        rows,
      );
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

export class PgliteDb implements Db {
  readonly dialect = 'pglite' as const;
  private constructor(private readonly db: PGlite) {}

  /** `dataDir` undefined = in memory (tests). */
  static async open(dataDir?: string): Promise<PgliteDb> {
    if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return new PgliteDb(await PGlite.create(dataDir || undefined));
  }
  async query<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, params)).rows;
  }
  async transaction<T>(fn: (tx: Queryable, preambleRows: Row[]) => Promise<T>, preamble?: string): Promise<T> {
    return this.db.transaction(async (tx) => {
      const rows = preamble ? ((await tx.exec(preamble)).at(-1)?.rows ?? []) : [];
      return fn({ query: async (s, p = []) => (await tx.query<never>(s, p)).rows }, rows as Row[]);
    });
  }
  async close(): Promise<void> {
    await this.db.close();
  }
}
