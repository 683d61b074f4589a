import type { Db } from './open';

/** One audit entry: an event name and codes only. Callers must never pass user content. */
export interface AuditEntry {
  at: number;
  event: string;
  detail: Record<string, string | number | boolean | null> | null;
}

export function appendAudit(db: Db, event: string, detail: AuditEntry['detail'] = null, at = Date.now()): void {
  if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(event)) throw new Error('Audit event names are short identifiers.');
  db.prepare('INSERT INTO audit (at, event, detail) VALUES (?, ?, ?)').run(
    at,
    event,
    detail === null ? null : JSON.stringify(detail),
  );
}

export function listAudit(db: Db, limit = 100): AuditEntry[] {
  const rows = db
    .prepare('SELECT at, event, detail FROM audit ORDER BY seq DESC LIMIT ?')
    .all(Math.min(Math.max(limit, 1), 1000)) as Array<{ at: number; event: string; detail: string | null }>;
  return rows.map((r) => ({ at: r.at, event: r.event, detail: r.detail === null ? null : JSON.parse(r.detail) }));
}
