import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';

/** temp file in the same folder + fsync + rename + fsync the folder: a crash leaves old or new, never half. */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  await fsyncDir(path.dirname(file));
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => null);
  if (!fh) return;
  await fh.sync().catch(() => undefined);
  await fh.close();
}

export type Progress = (fraction: number | null, label: string) => void;

/** Throttles progress callbacks to ~10 per second so big files do not flood the event bus. */
export function throttled(progress: Progress | undefined, intervalMs = 100): Progress {
  let last = 0;
  return (fraction, label) => {
    const now = Date.now();
    if (fraction !== 1 && now - last < intervalMs) return;
    last = now;
    progress?.(fraction, label);
  };
}

export async function sha256File(
  file: string,
  size: number,
  progress?: Progress,
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash('sha256');
  const report = throttled(progress);
  let done = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    report(size > 0 ? Math.min(1, done / size) : null, 'Verifying');
  }
  report(1, 'Verified');
  return hash.digest('hex');
}
