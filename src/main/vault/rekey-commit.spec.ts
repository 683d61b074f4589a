import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitRekey, recoverRekey, REKEY_PENDING } from './rekey-commit';
import { hashTree, tmpDir } from './test-support';

// The key swap of "delete all history" on plain files; delete-all.spec.ts (store) runs it with a real
// vault and database, including SIGKILL at every step.
let dir: string;
const OLD = Buffer.from('old key file');
const NEW = Buffer.from('new key file');
beforeEach(() => {
  dir = tmpDir('rekey-');
  fs.writeFileSync(path.join(dir, 'vault.key'), OLD);
  fs.writeFileSync(path.join(dir, 'history.db'), 'db');
  fs.mkdirSync(path.join(dir, 'backups'));
  fs.writeFileSync(path.join(dir, 'backups', 'history-20260101-000000.db'), 'backup');
  fs.writeFileSync(path.join(dir, 'audit.log'), 'audit');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const pending = () => path.join(dir, REKEY_PENDING);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('commitRekey / recoverRekey', () => {
  it('swaps the key file and removes exactly the named entries', () => {
    commitRekey(dir, NEW, ['history.db', 'backups', 'history.db-wal']);
    expect(fs.readFileSync(path.join(dir, 'vault.key'))).toEqual(NEW);
    expect(fs.readdirSync(dir).sort()).toEqual(['audit.log', 'vault.key']);
    expect(recoverRekey(dir)).toBe('none');
  });

  it('refuses names outside the history before touching anything', () => {
    const before = hashTree(dir);
    for (const bad of ['vault.key', '../x', 'a/b', '.lock', REKEY_PENDING, '', 'x'.repeat(300), 'nul\0']) {
      expect(codeOf(() => commitRekey(dir, NEW, [bad]))).toBe('INVALID_INPUT');
    }
    expect(hashTree(dir)).toEqual(before);
  });

  it('an intent edited to name files outside the history is CORRUPT and nothing moves', () => {
    fs.mkdirSync(path.join(pending(), 'moved'), { recursive: true });
    fs.writeFileSync(
      path.join(pending(), 'intent.json'),
      JSON.stringify({ v: 1, key: 'a'.repeat(64), entries: ['../../etc'] }),
    );
    const before = hashTree(dir);
    expect(codeOf(() => recoverRekey(dir))).toBe('CORRUPT');
    expect(hashTree(dir)).toEqual(before);
  });

  it('a pending folder without an intent moved nothing and is simply removed', () => {
    fs.mkdirSync(path.join(pending(), 'moved'), { recursive: true });
    expect(recoverRekey(dir)).toBe('rolled-back');
    expect(fs.existsSync(pending())).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'vault.key'))).toEqual(OLD);
  });

  it('never overwrites on the way back: a name present in both places keeps the pending folder', () => {
    expect(
      codeOf(() =>
        commitRekey(dir, NEW, ['history.db'], (step) => {
          if (step === 'commit') {
            fs.writeFileSync(path.join(dir, 'history.db'), 'a new file appeared');
            throw new Error('disk full');
          }
        }),
      ),
    ).toBe('IO_ERROR');
    expect(fs.existsSync(path.join(pending(), 'moved', 'history.db'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'vault.key'))).toEqual(OLD);
  });
});
