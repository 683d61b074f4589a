import { safetyPlanSchema, type SafetyPlan } from '../../shared/api/journal';
import type { Store } from '../store/index';
import { JournalError } from './errors';

export const EMPTY_SAFETY_PLAN: SafetyPlan = {
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpers: [],
  professionals: [],
  saferEnvironment: [],
  reasonsForLiving: [],
};

interface Row {
  version: number;
  data: string;
  saved_at: number;
}

export interface SavedPlan {
  plan: SafetyPlan;
  version: number;
  savedAt: number | null;
}

/** The newest plan (or a given version); version 0 and an empty plan when nothing was saved yet. */
export function getPlan(store: Store, version?: number): SavedPlan {
  const row = store.run((db) =>
    version === undefined
      ? (db.prepare('SELECT * FROM safety_plan_versions ORDER BY version DESC LIMIT 1').get() as Row | undefined)
      : (db.prepare('SELECT * FROM safety_plan_versions WHERE version = ?').get(version) as Row | undefined),
  );
  if (!row) {
    if (version !== undefined) throw new JournalError('NOT_FOUND', 'That version of the safety plan does not exist.');
    return { plan: structuredClone(EMPTY_SAFETY_PLAN), version: 0, savedAt: null };
  }
  const parsed = safetyPlanSchema.safeParse(JSON.parse(row.data));
  if (!parsed.success) throw new JournalError('CORRUPT', 'This version of the safety plan could not be read.');
  return { plan: parsed.data, version: row.version, savedAt: row.saved_at };
}

/**
 * Saves a new version. `baseVersion` is the version the edit started from: if another window saved
 * meanwhile, CONFLICT, so nobody silently overwrites a safety plan.
 */
export function savePlan(store: Store, plan: SafetyPlan, baseVersion: number, now: number) {
  return store.run((db) =>
    db.transaction(() => {
      const { v } = db.prepare('SELECT coalesce(max(version), 0) AS v FROM safety_plan_versions').get() as {
        v: number;
      };
      if (v !== baseVersion) {
        throw new JournalError('CONFLICT', 'The safety plan was changed elsewhere. Reload it and try again.');
      }
      const info = db
        .prepare('INSERT INTO safety_plan_versions (version, data, saved_at) VALUES (?, ?, ?)')
        .run(v + 1, JSON.stringify(plan), now);
      return { version: Number(info.lastInsertRowid), savedAt: now };
    })(),
  );
}

export function listVersions(store: Store): Array<{ version: number; savedAt: number }> {
  const rows = store.run(
    (db) =>
      db.prepare('SELECT version, saved_at FROM safety_plan_versions ORDER BY version DESC').all() as Array<
        Omit<Row, 'data'>
      >,
  );
  return rows.map((r) => ({ version: r.version, savedAt: r.saved_at }));
}
