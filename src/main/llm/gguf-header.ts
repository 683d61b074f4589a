import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from './errors';
import { tensorBytes } from './ggml-types';

/**
 * A bounded GGUF header reader. It runs before a file is listed or handed to llama.cpp, so it
 * must survive hostile input: every count and length is checked against a limit before it is
 * used, only the header is read (never the weights), and any failure is MODEL_INVALID.
 */
export const GGUF_LIMITS = {
  maxTensors: 100_000,
  maxKv: 10_000,
  maxKeyBytes: 256,
  maxStringBytes: 8 * 1024 * 1024,
  maxArrayItems: 4 * 1024 * 1024,
  maxDims: 8,
  /** Tokenizer vocabularies are the largest legitimate header part (a few MB). */
  maxHeaderBytes: 256 * 1024 * 1024,
} as const;

export type GgufScalar = number | bigint | boolean | string;
export type GgufValue =
  GgufScalar | { readonly arrayType: number; readonly length: number; readonly sample: GgufScalar[] };

export interface GgufTensorInfo {
  readonly name: string;
  readonly dims: readonly number[];
  readonly type: number;
  readonly offset: bigint;
}

export interface GgufHeader {
  readonly version: number;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  readonly tensors: readonly GgufTensorInfo[];
  readonly dataOffset: number;
  readonly fileSize: number;
}

const invalid = (why: string): AppError =>
  new AppError('MODEL_INVALID', `This is not a usable GGUF model file (${why}).`);

/** Reads forward through a file in chunks; refuses to go past the header budget or the file's end. */
class Reader {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  pos = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  private async ensure(n: number): Promise<void> {
    if (this.pos + n > this.size) throw invalid('the file ends inside its header: truncated');
    if (this.pos + n > GGUF_LIMITS.maxHeaderBytes) throw invalid('the header is unreasonably large');
    const have = this.bufStart + this.buf.length - this.pos;
    if (have >= n) return;
    const want = Math.min(Math.max(n, 1 << 20), this.size - this.pos);
    const next = Buffer.alloc(want);
    const { bytesRead } = await this.fh.read(next, 0, want, this.pos);
    if (bytesRead < n) throw invalid('the file ends inside its header: truncated');
    this.buf = next.subarray(0, bytesRead);
    this.bufStart = this.pos;
  }

  async take(n: number): Promise<Buffer> {
    await this.ensure(n);
    const off = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(off, off + n);
  }

  async u8(): Promise<number> {
    return (await this.take(1)).readUInt8(0);
  }
  async u32(): Promise<number> {
    return (await this.take(4)).readUInt32LE(0);
  }
  async u64(): Promise<bigint> {
    return (await this.take(8)).readBigUInt64LE(0);
  }
  async count(limit: number, what: string): Promise<number> {
    const v = await this.u64();
    if (v > BigInt(limit)) throw invalid(`absurd ${what}`);
    return Number(v);
  }
  async string(limit: number): Promise<string> {
    const len = await this.count(limit, 'string length');
    return (await this.take(len)).toString('utf8');
  }
  async skip(n: number): Promise<void> {
    await this.ensure(0);
    if (this.pos + n > this.size) throw invalid('the file ends inside its header: truncated');
    this.pos += n;
  }
  async scalar(type: number): Promise<GgufScalar> {
    const b = await this.take(SCALAR_SIZES[type] ?? 0);
    switch (type) {
      case 0:
        return b.readUInt8(0);
      case 1:
        return b.readInt8(0);
      case 2:
        return b.readUInt16LE(0);
      case 3:
        return b.readInt16LE(0);
      case 4:
        return b.readUInt32LE(0);
      case 5:
        return b.readInt32LE(0);
      case 6:
        return b.readFloatLE(0);
      case 7:
        return b.readUInt8(0) !== 0;
      case 10:
        return b.readBigUInt64LE(0);
      case 11:
        return b.readBigInt64LE(0);
      case 12:
        return b.readDoubleLE(0);
      default:
        throw invalid('unknown metadata value type');
    }
  }
}

/** Byte sizes of GGUF scalar types; 8 = string and 9 = array are variable. */
const SCALAR_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

async function readValue(r: Reader, type: number, depth: number): Promise<GgufValue> {
  if (type === 8) return r.string(GGUF_LIMITS.maxStringBytes);
  if (type !== 9) return r.scalar(type);
  if (depth > 0) throw invalid('nested arrays');
  const arrayType = await r.u32();
  const length = await r.count(GGUF_LIMITS.maxArrayItems, 'array length');
  const sample: GgufScalar[] = [];
  for (let i = 0; i < length; i++) {
    if (arrayType === 9) throw invalid('nested arrays');
    const size = SCALAR_SIZES[arrayType];
    // Keep only the first few items (enough to show); skip the rest without decoding them.
    if (i >= 16 && size !== undefined) {
      await r.skip(size * (length - i));
      break;
    }
    const v = await readValue(r, arrayType, depth + 1);
    if (i < 16) sample.push(v as GgufScalar);
  }
  return { arrayType, length, sample };
}

export async function readGgufHeader(filePath: string): Promise<GgufHeader> {
  let fh: FileHandle;
  try {
    fh = await open(filePath, 'r');
  } catch {
    throw new AppError('NOT_FOUND', 'The model file could not be opened.');
  }
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw invalid('not a regular file');
    const r = new Reader(fh, stat.size);
    if (stat.size < 24) throw invalid('too short');
    const magic = (await r.take(4)).toString('latin1');
    if (magic !== 'GGUF') throw invalid('wrong magic bytes');
    const version = await r.u32();
    if (version !== 2 && version !== 3) throw invalid(`unsupported GGUF version ${version}`);
    const tensorCount = await r.count(GGUF_LIMITS.maxTensors, 'tensor count');
    const kvCount = await r.count(GGUF_LIMITS.maxKv, 'metadata count');
    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < kvCount; i++) {
      const key = await r.string(GGUF_LIMITS.maxKeyBytes);
      if (!/^[\x21-\x7e]+$/.test(key)) throw invalid('a metadata key is not printable ASCII');
      const type = await r.u32();
      metadata.set(key, await readValue(r, type, 0));
    }
    const tensors: GgufTensorInfo[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = await r.string(GGUF_LIMITS.maxKeyBytes);
      const nDims = await r.u32();
      if (nDims < 1 || nDims > GGUF_LIMITS.maxDims) throw invalid('a tensor has an absurd number of dimensions');
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(await r.count(2 ** 40, 'tensor dimension'));
      tensors.push({ name, dims, type: await r.u32(), offset: await r.u64() });
    }
    const alignment = Number(metadata.get('general.alignment') ?? 32);
    if (!Number.isInteger(alignment) || alignment < 1 || alignment > 1 << 20) throw invalid('bad alignment');
    const dataOffset = Math.ceil(r.pos / alignment) * alignment;
    checkTensorsFit(tensors, dataOffset, stat.size);
    return { version, metadata, tensors, dataOffset, fileSize: stat.size };
  } finally {
    await fh.close();
  }
}

/** A file cut short after its header still fails here: every tensor must lie inside the file. */
function checkTensorsFit(tensors: readonly GgufTensorInfo[], dataOffset: number, fileSize: number): void {
  for (const t of tensors) {
    const bytes = tensorBytes(t.type, t.dims);
    const end = BigInt(dataOffset) + t.offset + BigInt(bytes ?? 0);
    if (end > BigInt(fileSize)) throw invalid('the tensor data is cut short: truncated');
  }
}
