import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { throttled, type Progress } from './atomic-file';
import { AppError } from './errors';
import type { ModelStore, StoredModel } from './model-store';
import type { OutboundGuard } from './outbound-guard';
import type { RecommendedEntry } from './recommended';

export interface DownloadOptions {
  readonly store: ModelStore;
  readonly guard: OutboundGuard;
  readonly progress?: Progress;
  readonly signal?: AbortSignal;
  readonly fetch?: typeof fetch;
  readonly maxRedirects?: number;
}

const failed = (why: string) =>
  new AppError('PROVIDER_ERROR', `The download did not complete (${why}). Try again to resume.`);

/**
 * Resumable, verified download: the partial file stays in models/ between attempts and is
 * continued with an HTTP Range request; the finished file must match a SHA-256 (pinned, or the
 * source's published LFS hash) and pass GGUF validation before it is listed. Each redirect hop is
 * checked by the outbound guard, and the whole thing is refused in offline mode.
 */
export async function downloadModel(entry: RecommendedEntry, o: DownloadOptions): Promise<StoredModel> {
  if (o.guard.offline) {
    throw new AppError(
      'OFFLINE',
      'Offline mode is on. Turn it off in Settings → Privacy to download, or import a file.',
    );
  }
  await mkdir(o.store.dir, { recursive: true, mode: 0o700 });
  const partial = path.join(o.store.dir, `.${entry.id}.download`);
  const have = (await stat(partial).catch(() => null))?.size ?? 0;
  const hash = createHash('sha256');
  if (have > 0) for await (const c of createReadStream(partial)) hash.update(c as Buffer);

  const { res, publishedSha } = await request(entry.url, have, o);
  let offset = have;
  let digest = hash;
  if (res.status === 200 && have > 0) {
    offset = 0; // the server ignored the Range: start over
    digest = createHash('sha256');
  }
  if (res.status !== 200 && res.status !== 206) throw failed(`HTTP ${res.status}`);
  if (!res.body) throw failed('empty response');
  const length = Number(res.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? offset + length : entry.sizeBytes;
  const report = throttled(o.progress);
  const out = await open(partial, offset === 0 ? 'w' : 'a', 0o600);
  let done = offset;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      digest.update(chunk);
      await out.write(chunk);
      done += chunk.length;
      report(total > 0 ? Math.min(1, done / total) : null, 'Downloading model');
    }
    await out.sync();
  } catch {
    throw failed(o.signal?.aborted ? 'stopped' : 'connection lost');
  } finally {
    await out.close();
  }
  const sha256 = digest.digest('hex');
  const expected = entry.sha256 ?? publishedSha;
  if (!expected) {
    await rm(partial, { force: true });
    throw new AppError('MODEL_INVALID', 'The source published no checksum, so the download cannot be verified.');
  }
  if (sha256 !== expected.toLowerCase()) {
    await rm(partial, { force: true });
    throw new AppError('MODEL_INVALID', 'The downloaded file does not match its checksum and was deleted.');
  }
  try {
    return await o.store.install(entry.id, partial, sha256, { file: entry.fileName, sha256 }, entry.fileName, {
      license: entry.license,
    });
  } finally {
    await rm(partial, { force: true });
  }
}

async function request(
  url: string,
  from: number,
  o: DownloadOptions,
): Promise<{ res: Response; publishedSha: string | null }> {
  let current = url;
  let publishedSha: string | null = null;
  for (let hop = 0; hop <= (o.maxRedirects ?? 5); hop++) {
    if (!current.startsWith('https://') && !current.startsWith('http://')) throw failed('bad address');
    await o.guard.check(current, 'model download');
    let res: Response;
    try {
      res = await (o.fetch ?? fetch)(current, {
        redirect: 'manual',
        signal: o.signal,
        headers: from > 0 ? { range: `bytes=${from}-` } : {},
      });
    } catch {
      throw failed('could not connect');
    }
    publishedSha ??= lfsSha(res.headers.get('x-linked-etag'));
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      current = new URL(location, current).toString();
      continue;
    }
    return { res, publishedSha };
  }
  throw failed('too many redirects');
}

function lfsSha(etag: string | null): string | null {
  const v = etag?.replace(/^W\//, '').replace(/"/g, '') ?? '';
  return /^[0-9a-f]{64}$/i.test(v) ? v.toLowerCase() : null;
}
