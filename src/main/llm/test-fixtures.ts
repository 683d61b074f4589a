import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Test helpers (imported only by *.spec.ts). The tiny model is found via DBT_COACH_TEST_MODEL or
 * ../shared/models/ from the repo root; missing is a failure in CI and a clear skip elsewhere.
 */
export function testModelPath(): string | null {
  const p =
    process.env.DBT_COACH_TEST_MODEL ?? path.resolve(process.cwd(), '../shared/models/llama-2-tiny-random.gguf');
  if (existsSync(p)) return p;
  if (process.env.CI === 'true') throw new Error(`Test model missing at ${p} (required in CI)`);
  console.warn(`Skipping llama.cpp tests: no test model at ${p} (set DBT_COACH_TEST_MODEL).`);
  return null;
}

/** Builds GGUF bytes field by field, so tests can produce valid and hostile headers. */
export class GgufBuilder {
  private readonly parts: Buffer[] = [];

  raw(b: Buffer | string): this {
    this.parts.push(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);
    return this;
  }
  u32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return this.raw(b);
  }
  u64(n: bigint | number): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return this.raw(b);
  }
  str(s: string): this {
    const b = Buffer.from(s, 'utf8');
    return this.u64(b.length).raw(b);
  }
  kvString(key: string, value: string): this {
    return this.str(key).u32(8).str(value);
  }
  kvU32(key: string, value: number): this {
    return this.str(key).u32(4).u32(value);
  }
  header(version: number, tensors: number | bigint, kvs: number | bigint): this {
    return this.raw('GGUF').u32(version).u64(tensors).u64(kvs);
  }
  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** A minimal valid GGUF: one F32 tensor of 4 elements, data included and aligned. */
export function minimalGguf(): Buffer {
  const head = new GgufBuilder()
    .header(3, 1, 2)
    .kvString('general.architecture', 'llama')
    .kvU32('general.file_type', 0)
    .str('w')
    .u32(1)
    .u64(4)
    .u32(0)
    .u64(0)
    .build();
  const pad = Buffer.alloc((32 - (head.length % 32)) % 32);
  return Buffer.concat([head, pad, Buffer.alloc(16)]);
}
