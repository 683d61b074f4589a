/** Human sizes and counts for the Models panel. */
export function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} kB`;
}

export function params(n: number | null): string {
  if (n === null) return 'unknown';
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} B`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} M`;
  return `${Math.round(n / 1e3)} K`;
}

export const FIT_LABELS = { fits: 'Fits', 'may-be-slow': 'May be slow', 'wont-fit': "Won't fit" } as const;
