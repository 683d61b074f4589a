import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fsyncDir, sha256File, throttled, writeFileAtomic, type Progress } from './atomic-file';
import { AppError } from './errors';
import { readGgufHeader } from './gguf-header';
import { readManifest, type Manifest } from './manifest';
import { modelFacts, type ModelFacts } from './model-facts';

/** What the app remembers about an imported model, next to it as `<id>.json`. */
const recordSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  /** True when a manifest hash matched (import, download or verify). */
  verified: z.boolean(),
  license: z.string().nullable(),
  recommendedContext: z.number().nullable(),
  importedAt: z.string(),
  mtimeMs: z.number(),
});
export type ModelRecord = z.infer<typeof recordSchema>;

export interface StoredModel {
  readonly record: ModelRecord;
  readonly facts: ModelFacts;
  readonly path: string;
}

/** A model's id from its file name: what the contract's idSchema accepts. */
export function modelIdFor(fileName: string): string {
  const base = path.basename(fileName).replace(/\.gguf$/i, '');
  const id = base
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  if (!id) throw new AppError('INVALID_INPUT', 'That file name cannot be used for a model.');
  return id;
}

/** Models live in `<dataDir>/models/`: not secret, so plain files, but verified before they are listed. */
export class ModelStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'models');
  }

  pathOf(id: string): string {
    return path.join(this.dir, `${id}.gguf`);
  }

  async list(): Promise<StoredModel[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: StoredModel[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const model = await this.get(name.slice(0, -5)).catch(() => null);
      if (model) out.push(model);
    }
    return out;
  }

  async get(id: string): Promise<StoredModel> {
    const recordText = await readFile(path.join(this.dir, `${id}.json`), 'utf8').catch(() => null);
    const parsed = recordText ? recordSchema.safeParse(safeJson(recordText)) : null;
    if (!parsed?.success) throw new AppError('NOT_FOUND', 'That model is not installed.');
    const file = this.pathOf(id);
    // The header is re-read each time: a model file replaced behind our back is caught here.
    const header = await readGgufHeader(file);
    return { record: parsed.data, facts: modelFacts(header), path: file };
  }

  /** Copies a GGUF in with SHA-256 and header validation; the copy is listed only once it checks out. */
  async import(source: string, progress?: Progress): Promise<StoredModel> {
    const st = await stat(source).catch(() => null);
    if (!st?.isFile()) throw new AppError('NOT_FOUND', 'No model file at that path.');
    await readGgufHeader(source); // refuse early, before copying gigabytes of a bad file
    const manifest = await readManifest(source);
    if (manifest && path.basename(source) !== manifest.file) {
      throw new AppError('MODEL_INVALID', 'The manifest describes a different file.');
    }
    const id = modelIdFor(path.basename(source));
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (await exists(path.join(this.dir, `${id}.json`))) {
      throw new AppError('CONFLICT', 'A model with that name is already installed.');
    }
    const partial = path.join(this.dir, `.${id}.gguf.partial`);
    try {
      const sha256 = await copyWithHash(source, partial, st.size, progress);
      return await this.install(id, partial, sha256, manifest, path.basename(source));
    } finally {
      await rm(partial, { force: true });
    }
  }

  /** Moves a fully written temp file into place after checking hash, size and header. */
  async install(
    id: string,
    tempFile: string,
    sha256: string,
    manifest: Manifest | null,
    fileName: string,
    extra: { license?: string | null } = {},
  ): Promise<StoredModel> {
    const st = await stat(tempFile);
    if (manifest && manifest.sha256 !== sha256) {
      throw new AppError('MODEL_INVALID', 'The file does not match the SHA-256 in its manifest.');
    }
    if (manifest?.size !== undefined && manifest.size !== st.size) {
      throw new AppError('MODEL_INVALID', 'The file size does not match its manifest.');
    }
    await readGgufHeader(tempFile);
    const file = this.pathOf(id);
    await rename(tempFile, file);
    const finalStat = await stat(file);
    const record: ModelRecord = {
      id,
      fileName,
      sizeBytes: st.size,
      sha256,
      verified: manifest !== null,
      license: manifest?.license ?? extra.license ?? null,
      recommendedContext: manifest?.recommendedContext ?? null,
      importedAt: new Date().toISOString(),
      mtimeMs: finalStat.mtimeMs,
    };
    await writeFileAtomic(path.join(this.dir, `${id}.json`), JSON.stringify(record, null, 2));
    await fsyncDir(this.dir);
    return this.get(id);
  }

  /** Re-hashes the installed file against the hash recorded at import. */
  async verify(id: string, progress?: Progress): Promise<{ ok: boolean; sha256: string }> {
    const model = await this.get(id);
    const st = await stat(model.path);
    const sha256 = await sha256File(model.path, st.size, progress);
    return { ok: sha256 === model.record.sha256 && st.size === model.record.sizeBytes, sha256 };
  }

  async remove(id: string): Promise<boolean> {
    const had = await exists(path.join(this.dir, `${id}.json`));
    // Record first: a crash in between leaves an unlisted file, never a listed missing one.
    await rm(path.join(this.dir, `${id}.json`), { force: true });
    await rm(this.pathOf(id), { force: true });
    return had;
  }

  /** True when the file on disk is still the one that was imported (size and mtime). */
  async unchanged(id: string): Promise<boolean> {
    const model = await this.get(id);
    const st = await stat(model.path).catch(() => null);
    return !!st && st.size === model.record.sizeBytes && st.mtimeMs === model.record.mtimeMs;
  }
}

async function copyWithHash(source: string, dest: string, size: number, progress?: Progress): Promise<string> {
  const hash = createHash('sha256');
  const report = throttled(progress);
  const out = await open(dest, 'w', 0o600);
  let done = 0;
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      await out.write(buf);
      done += buf.length;
      report(size > 0 ? Math.min(1, done / size) : null, 'Importing model');
    }
    await out.sync();
  } finally {
    await out.close();
  }
  report(1, 'Imported');
  return hash.digest('hex');
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
