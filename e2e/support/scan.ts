// Searches every file under some folders (and extra in-memory buffers such as captured logs) for a secret
// in the encodings it could be written in: UTF-8, UTF-16LE and base64 (all three byte alignments).
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Hit {
  readonly where: string;
  readonly encoding: string;
}

/** Byte patterns for the secret. Base64 of a string embedded in a longer one depends on its offset mod 3,
 *  so the stable inner run of each of the three alignments is searched for. */
export function needles(secret: string): { encoding: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const list = [
    { encoding: 'utf8', bytes: utf8 },
    { encoding: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
  ];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString('base64');
    // Keep only characters whose 6 bits all come from the secret (char i covers bits 6i..6i+5).
    const start = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + utf8.length) - 6) / 6) + 1;
    list.push({ encoding: `base64+${shift}`, bytes: Buffer.from(b64.slice(start, end), 'ascii') });
  }
  return list;
}

function* files(root: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const name of entries) {
    const full = path.join(root, name);
    const st = lstatSync(full, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) continue;
    if (st.isDirectory()) yield* files(full);
    else if (st.isFile()) yield full;
  }
}

/** Every (place, encoding) where the secret occurs; `buffers` are named blobs such as captured logs. */
export function scanFor(secret: string, roots: string[], buffers: Record<string, Buffer> = {}): Hit[] {
  const patterns = needles(secret);
  const hits: Hit[] = [];
  const check = (where: string, data: Buffer) => {
    for (const p of patterns) if (data.includes(p.bytes)) hits.push({ where, encoding: p.encoding });
  };
  for (const root of roots) for (const file of files(root)) check(file, readFileSync(file));
  for (const [name, data] of Object.entries(buffers)) check(name, data);
  return hits;
}

/** How many files the roots hold (printed with the result, so a scan of nothing cannot pass silently). */
export function countFiles(roots: string[]): number {
  let n = 0;
  for (const root of roots) for (const _ of files(root)) n++;
  return n;
}
