// Ciphertext-only history. Each exchange is sealed (HPKE base mode) to the account's X25519 public key
// before it reaches the database: the relay can write history but never read it back.
import type { Db } from '../db/db';
import type { CompanionWriter } from '../audit/audit-log';
import { bytes, num } from '../db/db';
import { b64u, historyAad, LABELS, type HistoryPlaintext } from '../client/protocol';
import { setupBaseS } from '../keys/hpke-native';

const INFO = Buffer.from(LABELS.historyInfo);

export interface SealedExchange {
  id: string;
  accountId: string;
  conversationId: string;
  createdAt: number;
  enc: Buffer;
  ct: Buffer;
}

export function sealExchange(accountId: string, x25519: Uint8Array, h: HistoryPlaintext): SealedExchange {
  const { enc, ctx } = setupBaseS(x25519, INFO);
  const ct = ctx.seal(Buffer.from(JSON.stringify(h), 'utf8'), historyAad(accountId, h.conversationId, h.requestId));
  ctx.destroy();
  return { id: h.requestId, accountId, conversationId: h.conversationId, createdAt: h.createdAt, enc, ct };
}

/** Sealed history rows as the audit log's companion: written by the same statement as their audit entries. */
export const historyCompanion: CompanionWriter<SealedExchange> = {
  cte: (n) =>
    `INSERT INTO history(id, account_id, conversation_id, created_at, size, enc, ct)
     SELECT * FROM unnest($${n}::text[], $${n + 1}::text[], $${n + 2}::text[], $${n + 3}::bigint[], $${n + 4}::int[],
       $${n + 5}::bytea[], $${n + 6}::bytea[])`,
  params: (list) => [
    list.map((s) => s.id),
    list.map((s) => s.accountId),
    list.map((s) => s.conversationId),
    list.map((s) => s.createdAt),
    list.map((s) => s.ct.length),
    list.map((s) => s.enc),
    list.map((s) => s.ct),
  ],
};

export interface HistoryItem {
  id: string;
  conversationId: string;
  createdAt: number;
  size: number;
  enc: string;
  ct: string;
}

const toItem = (r: Record<string, unknown>): HistoryItem => ({
  id: String(r.id),
  conversationId: String(r.conversation_id),
  createdAt: num(r.created_at),
  size: num(r.size),
  enc: b64u(bytes(r.enc)),
  ct: b64u(bytes(r.ct)),
});

export interface HistoryQuery {
  conversationId?: string;
  since?: number;
  until?: number;
  limit: number;
}

/** Items of one account, oldest first; `since` inclusive, `until` exclusive. */
export async function listExchanges(db: Db, accountId: string, q: HistoryQuery): Promise<HistoryItem[]> {
  const rows = await db.query(
    `SELECT id, conversation_id, created_at, size, enc, ct FROM history
     WHERE account_id = $1 AND ($2::text IS NULL OR conversation_id = $2)
       AND created_at >= $3 AND created_at < $4
     ORDER BY created_at, id LIMIT $5`,
    [accountId, q.conversationId ?? null, q.since ?? 0, q.until ?? Number.MAX_SAFE_INTEGER, q.limit],
  );
  return rows.map(toItem);
}

export async function getExchange(db: Db, accountId: string, id: string): Promise<HistoryItem | null> {
  const [r] = await db.query(
    'SELECT id, conversation_id, created_at, size, enc, ct FROM history WHERE account_id = $1 AND id = $2',
    [accountId, id],
  );
  return r ? toItem(r) : null;
}
