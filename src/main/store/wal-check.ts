import { closeSync, openSync, readSync, fstatSync } from 'node:fs';

/**
 * Checks a leftover `-wal` file BEFORE SQLite sees it. SQLite treats a frame whose checksum
 * fails as the torn tail of an interrupted write: it silently drops that frame and every
 * later one, then checkpoints and deletes the WAL on close. That is right for a torn tail
 * but would silently lose committed rows when a byte in the middle of the WAL is damaged.
 *
 * Rule: the valid prefix is the checksum chain from the header. If any frame AFTER the first
 * bad one still carries the current salts, the damage is in the middle, not a torn tail, and
 * the WAL is reported as corrupt (the caller then refuses to open; nothing is touched).
 * A damaged LAST frame is indistinguishable from a torn write and is accepted, as SQLite does.
 */
export type WalVerdict = 'absent' | 'ok' | 'corrupt';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export function checkWal(walPath: string): WalVerdict {
  let fd: number;
  try {
    fd = openSync(walPath, 'r');
  } catch {
    return 'absent';
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return 'ok';
    if (size < WAL_HEADER) return 'ok'; // an interrupted header write: SQLite ignores it
    const header = Buffer.alloc(WAL_HEADER);
    readSync(fd, header, 0, WAL_HEADER, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return 'corrupt';
    const bigEndian = (magic & 1) === 1;
    const pageSize = header.readUInt32BE(8) || 65536;
    let [s0, s1] = checksum(header.subarray(0, 24), bigEndian, 0, 0);
    if (s0 !== header.readUInt32BE(24) || s1 !== header.readUInt32BE(28)) {
      // A header that fails its checksum makes SQLite ignore the whole WAL.
      return size > WAL_HEADER ? 'corrupt' : 'ok';
    }
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const frameSize = FRAME_HEADER + pageSize;
    const frames = Math.floor((size - WAL_HEADER) / frameSize);
    const frame = Buffer.alloc(frameSize);
    let broken = false;
    for (let i = 0; i < frames; i++) {
      readSync(fd, frame, 0, frameSize, WAL_HEADER + i * frameSize);
      const sameSalts = frame.readUInt32BE(8) === salt1 && frame.readUInt32BE(12) === salt2;
      if (broken) {
        if (sameSalts) return 'corrupt';
        continue;
      }
      if (!sameSalts) {
        broken = true;
        continue;
      }
      [s0, s1] = checksum(frame.subarray(0, 8), bigEndian, s0, s1);
      [s0, s1] = checksum(frame.subarray(FRAME_HEADER), bigEndian, s0, s1);
      if (s0 !== frame.readUInt32BE(16) || s1 !== frame.readUInt32BE(20)) broken = true;
    }
    return 'ok';
  } finally {
    closeSync(fd);
  }
}

/** SQLite's WAL checksum (see the file format docs, section 4.1), continuing from (s0, s1). */
function checksum(data: Buffer, bigEndian: boolean, s0: number, s1: number): [number, number] {
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}
