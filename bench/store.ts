// `npm run bench:store`: encrypted (SQLCipher 4) versus plain SQLite, same library, schema and
// settings, in one run. 100,000 messages of Zipf-distributed text over 500 conversations:
// insert throughput, newest page of 50, FTS query p50/p95. Prints ratios encrypted/plain.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../src/main/store/index';
import { appendMessage, pageMessages } from '../src/main/store/messages';
import { createConversation } from '../src/main/store/conversations';
import { search } from '../src/main/store/search';
import { migrate } from '../src/main/store/migrate';
import { configureConnection, keyConnection, type Db } from '../src/main/store/open';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const CONVERSATIONS = 500;
const VOCABULARY = 6000;
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const PAGE_READS = 2000;
// Tuning knobs, applied identically to both sides (defaults = the app's own settings).
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 0);
const CACHE_KB = Number(process.env.BENCH_CACHE_KB ?? 0);
const AUTOMERGE = Number(process.env.BENCH_AUTOMERGE ?? 0);
const CHECKPOINT = Number(process.env.BENCH_CHECKPOINT ?? 0);

function tune(db: Db, encrypted: boolean): void {
  if (CACHE_KB) db.pragma(`cache_size = -${CACHE_KB}`);
  if (CHECKPOINT) db.pragma(`wal_autocheckpoint = ${CHECKPOINT}`);
  if (AUTOMERGE) {
    db.exec(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', ${Math.trunc(AUTOMERGE)})`);
  }
  void encrypted;
}
const QUERIES = 500;

/** Small deterministic PRNG (mulberry32) so both databases get identical text. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function makeVocabulary(rand: () => number): string[] {
  const letters = 'etaoinshrdlucmfwypvbgkjqxz';
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const len = 2 + Math.floor(rand() * rand() * 10);
    let w = '';
    for (let i = 0; i < len; i++) w += letters[Math.floor(rand() * rand() * letters.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf (s = 1.07) sampler over ranks 0..n-1 via the cumulative distribution. */
function zipf(n: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, 1.07);
  return () => {
    const target = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Corpus {
  texts: string[];
  conv: number[];
  queries: string[];
}

function makeCorpus(): Corpus {
  const rand = rng(42);
  const vocab = makeVocabulary(rand);
  const pick = zipf(vocab.length, rand);
  const texts: string[] = [];
  const conv: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const n = 5 + Math.floor(rand() * 76);
    const words: string[] = [];
    for (let j = 0; j < n; j++) words.push(vocab[pick()] ?? 'x');
    texts.push(words.join(' '));
    conv.push(Math.floor(rand() * CONVERSATIONS));
  }
  // Queries as people type them: Zipf-sampled words, a third of them two-word queries.
  const queries: string[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const a = vocab[pick()] ?? 'x';
    queries.push(i % 3 === 0 ? `${a} ${vocab[pick()] ?? 'y'}` : a);
  }
  return { texts, conv, queries };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

interface Result {
  insertPerSec: number;
  pageReadsPerSec: number;
  ftsP50: number;
  ftsP95: number;
  sizeMb: number;
  openMs: number;
}

interface Side {
  name: string;
  db: Db;
  file: string;
  ids: string[];
  insertMs: number;
  pageMs: number;
  fts: number[];
}

/**
 * Both databases are measured in the same loop, alternating batch by batch and query by query,
 * so load from other processes on this shared machine hits both sides alike.
 */
function measure(sides: Side[], corpus: Corpus): void {
  for (const s of sides)
    s.db.transaction(() => {
      for (let c = 0; c < CONVERSATIONS; c++) s.ids.push(createConversation(s.db, { title: `c${c}`, createdAt: 1 }).id);
    })();
  for (let start = 0; start < MESSAGES; start += BATCH) {
    for (const s of sides) {
      const t = performance.now();
      s.db.transaction(() => {
        for (let i = start; i < Math.min(MESSAGES, start + BATCH); i++) {
          appendMessage(s.db, {
            conversationId: s.ids[corpus.conv[i] ?? 0] ?? '',
            role: i % 2 ? 'assistant' : 'user',
            content: corpus.texts[i] ?? '',
            createdAt: 1_700_000_000_000 + i,
          });
        }
      })();
      s.insertMs += performance.now() - t;
    }
  }
  const rand = rng(7);
  for (let i = 0; i < PAGE_READS; i++) {
    const c = Math.floor(rand() * CONVERSATIONS);
    for (const s of sides) {
      const t = performance.now();
      pageMessages(s.db, s.ids[c] ?? '', { limit: 50 });
      s.pageMs += performance.now() - t;
    }
  }
  for (const q of corpus.queries) {
    for (const s of sides) {
      const t = performance.now();
      search(s.db, q, { limit: 20 });
      s.fts.push(performance.now() - t);
    }
  }
  if (process.env.BENCH_DEBUG) {
    const enc = sides[0];
    const worst = corpus.queries.map((q, i) => [enc?.fts[i] ?? 0, q] as const).sort((a, b) => b[0] - a[0]);
    console.log('slowest encrypted queries:', worst.slice(0, 10));
  }
  for (const s of sides) s.db.pragma('wal_checkpoint(TRUNCATE)');
}

function openMs(open: () => { close(): void }): number {
  const t = performance.now();
  open().close();
  return performance.now() - t;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'dbt-bench-store-'));
try {
  console.log(
    `Generating ${MESSAGES} messages (${VOCABULARY}-word Zipf vocabulary, 5-80 words, ${CONVERSATIONS} conversations)…`,
  );
  const corpus = makeCorpus();
  const key = randomBytes(32);
  const encFile = path.join(dir, 'enc.db');
  const plainFile = path.join(dir, 'plain.db');
  if (PAGE_SIZE) {
    // Page size is fixed when the file is created: make both files with it before the schema.
    const e = new Database(encFile);
    keyConnection(e, key);
    e.pragma(`cipher_page_size = ${PAGE_SIZE}`);
    e.exec('CREATE TABLE _init (x); DROP TABLE _init;');
    e.close();
  }
  const store: Store = openStore({ file: encFile, dataKey: key });
  const plainDb = new Database(plainFile);
  if (PAGE_SIZE) plainDb.pragma(`page_size = ${PAGE_SIZE}`);
  configureConnection(plainDb);
  migrate(plainDb);
  tune(store.db, true);
  tune(plainDb, false);
  console.log(
    `page size ${String(store.db.pragma('page_size', { simple: true }))}/${String(plainDb.pragma('page_size', { simple: true }))}, cache ${String(store.db.pragma('cache_size', { simple: true }))}, batch ${BATCH}`,
  );
  const side = (name: string, db: Db, file: string): Side => ({
    name,
    db,
    file,
    ids: [],
    insertMs: 0,
    pageMs: 0,
    fts: [],
  });
  const sides = [side('encrypted', store.db, encFile), side('plain', plainDb, plainFile)];
  measure(sides, corpus);
  store.close();
  plainDb.close();
  const result = (s: Side, open: number): Result => {
    const sorted = [...s.fts].sort((a, b) => a - b);
    return {
      insertPerSec: MESSAGES / (s.insertMs / 1000),
      pageReadsPerSec: PAGE_READS / (s.pageMs / 1000),
      ftsP50: pct(sorted, 0.5),
      ftsP95: pct(sorted, 0.95),
      sizeMb: statSync(s.file).size / 1e6,
      openMs: open,
    };
  };
  // Opening includes the store's read-only verify pass with quick_check; plain gets the same quick_check.
  const enc = result(
    sides[0] as Side,
    openMs(() => openStore({ file: encFile, dataKey: key })),
  );
  const plain = result(
    sides[1] as Side,
    openMs(() => {
      const db = new Database(plainFile);
      configureConnection(db);
      db.pragma('quick_check');
      return db;
    }),
  );
  const f = (n: number, d = 1) => n.toFixed(d);
  const rows: Array<[string, string, string, string]> = [
    [
      'insert (messages/s, batches of ' + BATCH + ')',
      f(enc.insertPerSec, 0),
      f(plain.insertPerSec, 0),
      f(enc.insertPerSec / plain.insertPerSec, 2),
    ],
    [
      'newest page of 50 (reads/s)',
      f(enc.pageReadsPerSec, 0),
      f(plain.pageReadsPerSec, 0),
      f(enc.pageReadsPerSec / plain.pageReadsPerSec, 2),
    ],
    ['FTS p50 (ms)', f(enc.ftsP50, 2), f(plain.ftsP50, 2), f(plain.ftsP50 / enc.ftsP50, 2)],
    ['FTS p95 (ms)', f(enc.ftsP95, 2), f(plain.ftsP95, 2), f(plain.ftsP95 / enc.ftsP95, 2)],
    ['open + quick_check (ms)', f(enc.openMs, 0), f(plain.openMs, 0), f(plain.openMs / enc.openMs, 2)],
    ['file size (MB)', f(enc.sizeMb), f(plain.sizeMb), '-'],
  ];
  console.log('\n| measure | encrypted | plain | encrypted/plain (speed) |\n| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  console.log(
    `\nTargets: inserts ≥ 0.8 ${ok(enc.insertPerSec / plain.insertPerSec >= 0.8)}; page reads ≥ 0.8 ${ok(
      enc.pageReadsPerSec / plain.pageReadsPerSec >= 0.8,
    )}; FTS p95 ≤ 20 ms ${ok(enc.ftsP95 <= 20)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
