const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/**
 * True when a decoded JSON value carries prototype-pollution keys anywhere, or nests
 * deeper than any contract needs. zod's strict objects catch unknown keys, but records
 * and arrays of records would otherwise let `__proto__` through.
 */
export function hasHostileKeys(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasHostileKeys(v, depth + 1));
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return true;
    if (hasHostileKeys((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
