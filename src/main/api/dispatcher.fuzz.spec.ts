// Property-based fuzzing of the one dispatcher through the real app (createApp): every method of the
// contract, hostile and schema-shaped inputs, locked and unlocked. The invariant is the contract's own:
// a typed result, a known error code, and never INTERNAL (an unexpected throw) for anything a caller sends.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, METHOD_NAMES, methods, type MethodName } from '../../shared/api';
import { createApp, type App } from './index';

const ctx = { transport: 'cli' } as const;
const PASSPHRASE = 'seven quiet herons fold the map at dawn';
const internalLog: string[] = [];
let app: App;
let dataDir: string;

/**
 * Methods left out of the schema-shaped runs (they still get the hostile-input runs, which validation
 * refuses): each would spend seconds per call on Argon2id or wipe the state the other runs rely on.
 */
const SLOW_OR_DESTRUCTIVE = new Set<MethodName>([
  'vault.create',
  'vault.unlock',
  'vault.unlockRemembered',
  'vault.recover',
  'vault.changePassphrase',
  'vault.importKey',
  'vault.exportKey',
  'vault.recoverySheet',
  'vault.delete',
  'vault.lock',
  'history.deleteAll',
  'history.restoreBackup',
  'models.download',
  'models.import',
]);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dbt-fuzz-'));
  app = await createApp({
    dataDir,
    env: { ...process.env, DBT_COACH_TEST_KDF: 'floor' },
    log: (line) => internalLog.push(line),
  });
}, 60_000);

afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const resultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().min(1),
      retryAfterMs: z.number().int().nonnegative().optional(),
    }),
  }),
]);

/** Methods that answered INTERNAL, with one input that did it (reported at the end of each run). */
const internals = new Map<string, unknown>();

async function expectTyped(method: unknown, input: unknown): Promise<void> {
  const result = await app.dispatch(method, input, ctx);
  expect(resultSchema.safeParse(result).success, JSON.stringify(result).slice(0, 300)).toBe(true);
  if (!result.ok && result.error.code === 'INTERNAL' && !internals.has(String(method)))
    internals.set(String(method), input);
}

// ---- hostile values ----------------------------------------------------------------------------------

const hostileString = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom('__proto__', 'constructor', '../../etc/passwd', '\u0000', '\ud800', "'; DROP TABLE x;--", 'NaN'),
  fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** Objects whose own keys include prototype-pollution names, made the way JSON.parse makes them. */
const pollutedObject = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => JSON.parse(`{"${key}":${JSON.stringify(value) ?? 'null'},"text":"x"}`) as unknown);

const deepNesting = fc
  .tuple(fc.integer({ min: 30, max: 3000 }), fc.boolean())
  .map(
    ([depth, arrays]) =>
      JSON.parse(
        arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
      ) as unknown,
  );

const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
  hostileString,
  pollutedObject,
  deepNesting,
  fc.constantFrom(undefined, null, 0, -1, Number.MAX_SAFE_INTEGER, [], {}, true),
);

const anyMethod: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...METHOD_NAMES),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('__proto__', 'toString', 'constructor', 'hasOwnProperty', 'app', 'vault.', ' app.info'),
  fc.anything({ maxDepth: 1 }),
);

// ---- schema-shaped values (JSON Schema from zod → fast-check) -----------------------------------------

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
};

/** Values that mostly satisfy the schema, with the edges (limits, empty, odd unicode) over-represented. */
function fromSchema(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => fromSchema(a, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      const maxLength = Math.min(s.maxLength ?? 200, 4000);
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= maxLength);
      const minLength = Math.min(s.minLength ?? 0, maxLength);
      return fc.oneof(
        fc.string({ minLength, maxLength: Math.min(maxLength, 40), unit: 'grapheme' }),
        fc.constant('é'.repeat(Math.max(minLength, 1))).filter((v) => v.length <= maxLength),
        fc.constant('x'.repeat(maxLength)),
      );
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9 });
    case 'number':
      return fc.double({ min: s.minimum ?? s.exclusiveMinimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => fromSchema(p, depth + 1)));
      const item = s.items && depth < 4 ? fromSchema(s.items, depth + 1) : fc.constant(null);
      return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) });
    }
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 });
      const required = new Set(s.required ?? []);
      const shape = Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      const requiredKeys = props.map(([k]) => k).filter((k) => required.has(k));
      return fc.record(shape, { requiredKeys });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function shapedInput(method: MethodName): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(methods[method].input as z.ZodType, { unrepresentable: 'any', io: 'input' });
  return fromSchema(schema as JsonSchema);
}

function expectNoInternal(): void {
  const found = [...internals].map(([m, input]) => `${m} ← ${JSON.stringify(input)?.slice(0, 120)}`);
  expect(found).toEqual([]);
}

const FUZZED = METHOD_NAMES.filter((m) => !SLOW_OR_DESTRUCTIVE.has(m));

// ---- properties ----------------------------------------------------------------------------------------

describe('dispatcher fuzz (createApp, real services)', () => {
  beforeEach(() => internals.clear());

  it('answers arbitrary method names and hostile inputs with a typed result, never INTERNAL (locked)', async () => {
    await fc.assert(fc.asyncProperty(anyMethod, hostileInput, expectTyped), { numRuns: 400 });
    expectNoInternal();
  }, 120_000);

  it('answers schema-shaped inputs to every method with a typed result, never INTERNAL (no vault yet)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FUZZED).chain((m) => fc.tuple(fc.constant(m), shapedInput(m))),
        ([method, input]) => expectTyped(method, input),
      ),
      { numRuns: 400 },
    );
    expectNoInternal();
  }, 180_000);

  it('stays typed with the vault unlocked, for hostile and schema-shaped inputs alike', async () => {
    const created = await app.dispatch(
      'vault.create',
      { label: 'Fuzz', passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE },
      ctx,
    );
    expect(created).toMatchObject({ ok: true });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(anyMethod, hostileInput),
          fc.constantFrom(...FUZZED).chain((m) => fc.tuple(fc.constant(m), shapedInput(m))),
        ),
        ([method, input]) => expectTyped(method, input),
      ),
      { numRuns: 500 },
    );
    expect(await app.dispatch('vault.status', {}, ctx)).toMatchObject({ ok: true });
    expectNoInternal();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});
