/** An id for a new card item from its label, unique among `taken` (ids are a-z, 0-9 and dashes). */
export function itemId(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'item';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Urges the main process always checks for safety, whatever the setting says. */
export const ALWAYS_CHECKED = new Set(['self-harm', 'suicide']);
