import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGgufHeader } from './gguf-header';
import { modelFacts } from './model-facts';
import { GgufBuilder, minimalGguf, testModelPath } from './test-fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gguf-'));
let n = 0;
const file = (bytes: Buffer | string) => {
  const p = path.join(dir, `f${n++}.gguf`);
  writeFileSync(p, bytes);
  return p;
};
const invalid = { code: 'MODEL_INVALID' };
const model = testModelPath();

describe('GGUF header validation', () => {
  it('reads a minimal valid file', async () => {
    const h = await readGgufHeader(file(minimalGguf()));
    expect(h.version).toBe(3);
    expect(h.tensors).toHaveLength(1);
    expect(modelFacts(h)).toMatchObject({ architecture: 'llama', quantization: 'F32', parameterCount: 4 });
  });

  it.skipIf(!model)('reads the tiny llama model: architecture, parameters, quantisation, context', async () => {
    const facts = modelFacts(await readGgufHeader(model as string));
    expect(facts.architecture).toBe('llama');
    expect(facts.quantization).toBe('F16');
    expect(facts.contextLength).toBe(4096);
    expect(facts.parameterCount).toBeGreaterThan(100_000);
  });

  it.skipIf(!model)('rejects the real model cut short anywhere', async () => {
    const bytes = readFileSync(model as string);
    for (const cut of [3, 20, 100, 5000, 200_000, bytes.length - 1]) {
      await expect(readGgufHeader(file(bytes.subarray(0, cut)))).rejects.toMatchObject(invalid);
    }
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a text file renamed .gguf', 'Hello, this is my shopping list.\nMilk\nEggs\n'.repeat(5)],
    ['wrong magic', new GgufBuilder().raw('GGML').u32(3).u64(0).u64(0).build()],
    ['version 1', new GgufBuilder().header(1, 0, 0).build()],
    ['version 99', new GgufBuilder().header(99, 0, 0).build()],
    ['an absurd tensor count', new GgufBuilder().header(3, 2n ** 62n, 0).build()],
    ['an absurd metadata count', new GgufBuilder().header(3, 0, 2n ** 40n).build()],
    [
      'a huge key length',
      new GgufBuilder()
        .header(3, 0, 1)
        .u64(2n ** 50n)
        .build(),
    ],
    [
      'a huge string value',
      new GgufBuilder()
        .header(3, 0, 1)
        .str('k')
        .u32(8)
        .u64(2n ** 40n)
        .build(),
    ],
    ['an unknown value type', new GgufBuilder().header(3, 0, 1).str('k').u32(77).u32(0).build()],
    ['a non-printable key', new GgufBuilder().header(3, 0, 1).str('bad\u0000key').u32(4).u32(1).build()],
    [
      'a huge array',
      new GgufBuilder()
        .header(3, 0, 1)
        .str('k')
        .u32(9)
        .u32(4)
        .u64(2n ** 40n)
        .build(),
    ],
    ['nested arrays', new GgufBuilder().header(3, 0, 1).str('k').u32(9).u32(9).u64(1).u32(4).u64(1).u32(1).build()],
    ['a metadata count larger than the file', new GgufBuilder().header(3, 0, 500).kvU32('a', 1).build()],
    [
      'tensor data past the end of the file',
      new GgufBuilder().header(3, 1, 0).str('w').u32(1).u64(1_000_000).u32(0).u64(0).raw(Buffer.alloc(64)).build(),
    ],
    ['absurd tensor dimensions', new GgufBuilder().header(3, 1, 0).str('w').u32(200).build()],
  ])('rejects %s with MODEL_INVALID', async (_name, bytes) => {
    await expect(readGgufHeader(file(bytes))).rejects.toMatchObject(invalid);
  });

  it('survives random garbage after a valid magic', async () => {
    for (let i = 0; i < 50; i++) {
      const junk = Buffer.from(Array.from({ length: 64 + i * 7 }, () => Math.floor(Math.random() * 256)));
      const bytes = Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), junk]);
      await expect(readGgufHeader(file(bytes))).rejects.toMatchObject(invalid);
    }
  });
});
