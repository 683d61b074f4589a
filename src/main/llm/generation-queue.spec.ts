import { describe, expect, it } from 'vitest';
import { GenerationQueue } from './generation-queue';

describe('GenerationQueue', () => {
  it('runs one at a time, reports positions, and lets an aborted waiter leave', async () => {
    const q = new GenerationQueue();
    const positions: Record<string, number[]> = { a: [], b: [], c: [] };
    const a = await q.acquire(new AbortController().signal, (p) => positions.a?.push(p));
    const cAbort = new AbortController();
    const bP = q.acquire(new AbortController().signal, (p) => positions.b?.push(p));
    const cP = q.acquire(cAbort.signal, (p) => positions.c?.push(p));
    cAbort.abort();
    await expect(cP).rejects.toBeDefined();
    a();
    const b = await bP;
    b();
    expect(positions.a).toEqual([0]);
    expect(positions.b).toEqual([1, 1, 1, 0]);
    expect(positions.c).toEqual([2]);
    expect(q.length).toBe(0);
  });
});
