// Helpers for the journal's specs (not shipped code paths).
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DiaryEntry } from '../../shared/api/journal';
import { openStore, type Store } from '../store/index';
import type { Complete, JournalSession } from './deps';
import { JournalError } from './errors';
import { JournalService } from './journal-service';

const raw = (k: KeyObject) => Buffer.from(k.export({ format: 'der', type: 'spki' }).subarray(-32));

export function keySet(label: string): JournalSession {
  const ed = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  return {
    label,
    dir: '',
    ed25519: { privateKey: ed.privateKey, publicRaw: raw(ed.publicKey) },
    x25519: { privateKey: x.privateKey, publicRaw: raw(x.publicKey) },
  };
}

export interface Harness {
  service: JournalService;
  store: Store;
  session: JournalSession;
  /** The app's data dir (protected) and a separate folder standing in for the user's Documents. */
  dataDir: string;
  outDir: string;
  audits: string[];
  lock(): void;
  cleanup(): void;
}

export function harness(label = 'Alex', options: { complete?: Complete; now?: () => number } = {}): Harness {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dbt-journal-'));
  const dataDir = path.join(root, 'data');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(outDir);
  const store = openStore({ file: path.join(dataDir, 'history.db'), dataKey: randomBytes(32) });
  const session = { ...keySet(label), dir: dataDir };
  const audits: string[] = [];
  let locked = false;
  const service = new JournalService({
    requireStore: () => {
      if (locked) throw new JournalError('LOCKED', 'Locked.');
      return store;
    },
    requireSession: () => {
      if (locked) throw new JournalError('LOCKED', 'Locked.');
      return session;
    },
    auditSafety: (level) => audits.push(level),
    protectedDirs: () => [dataDir],
    complete: options.complete,
    now: options.now,
  });
  return {
    service,
    store,
    session,
    dataDir,
    outDir,
    audits,
    lock: () => (locked = true),
    cleanup: () => {
      store.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export function entry(date: string, patch: Partial<DiaryEntry> = {}): DiaryEntry {
  return {
    date,
    emotions: [
      { id: 'sadness', rating: 2 },
      { id: 'joy', rating: 3 },
    ],
    urges: [
      { id: 'self-harm', rating: 1, actedOn: false },
      { id: 'substance-use', rating: 2, actedOn: false },
    ],
    targets: [],
    skills: [{ skillId: 'tipp', rating: 6 }],
    medication: { taken: 'yes', note: '' },
    notes: '',
    ...patch,
  };
}
