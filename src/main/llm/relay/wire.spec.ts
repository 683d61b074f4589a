// The desktop's copy of the wire format against the test vectors published in docs/relay-protocol.md,
// so the copy cannot drift from the protocol the relay speaks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChunks, type ChunkMessage } from './chunk-reader';
import { fromB64u, loginMessage, requestAad } from './wire';

const doc = readFileSync(path.resolve(__dirname, '../../../../docs/relay-protocol.md'), 'utf8');
const json = /<!-- vectors:begin -->\s*```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '{}';
const v = JSON.parse(json) as {
  binding: { tokenId: string; requestId: string; keyId: string; timestamp: number; conversationId: string };
  aad: string;
  loginMessage: string;
  responseKey: string;
  responseBaseNonce: string;
  chunk0Frame: string;
  chunk1FinalFrame: string;
};
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const keys = () => ({ key: bytes(v.responseKey), baseNonce: bytes(v.responseBaseNonce) });

async function read(...frames: Uint8Array[]): Promise<ChunkMessage[]> {
  const out: ChunkMessage[] = [];
  async function* body() {
    for (const f of frames) yield f;
  }
  for await (const m of readChunks(body(), keys())) out.push(m);
  return out;
}

describe('relay wire format (protocol test vectors)', () => {
  it('encodes the request associated data and the login message exactly', () => {
    expect(hex(requestAad(v.binding))).toBe(v.aad);
    const nonce = 'bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2Utbm9uY2U';
    expect(hex(loginMessage('acct-000000000001', 'chal-000000000001', nonce))).toBe(v.loginMessage);
  });

  it('opens the vector frames in order, also when split at every byte', async () => {
    const all = await read(bytes(v.chunk0Frame), bytes(v.chunk1FinalFrame));
    expect(all).toHaveLength(2);
    expect(all[1]?.t).toBe('done');
    const joined = bytes(v.chunk0Frame + v.chunk1FinalFrame);
    expect(await read(...Array.from(joined, (b) => Uint8Array.of(b)))).toEqual(all);
  });

  it('rejects reordered, repeated, truncated and extended streams', async () => {
    const c0 = bytes(v.chunk0Frame);
    const c1 = bytes(v.chunk1FinalFrame);
    await expect(read(c1)).rejects.toMatchObject({ why: 'corrupt' }); // final frame first: wrong nonce
    await expect(read(c0, c0, c1)).rejects.toMatchObject({ why: 'corrupt' });
    await expect(read(c0)).rejects.toMatchObject({ why: 'truncated' });
    await expect(read(c0, c1, c0)).rejects.toMatchObject({ why: 'corrupt' });
    const flipped = Uint8Array.from(c1);
    flipped[4] = 0; // claim "not final": the flag is authenticated
    await expect(read(c0, flipped)).rejects.toMatchObject({ why: 'corrupt' });
  });

  it('decodes base64url strictly', () => {
    expect(fromB64u('AAEC')).toEqual(Uint8Array.of(0, 1, 2));
    expect(fromB64u('AAE=')).toBeNull();
    expect(fromB64u('AAF')).toBeNull(); // non-canonical trailing bits
    expect(fromB64u('AA+/')).toBeNull();
  });
});
