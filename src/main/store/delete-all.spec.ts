import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KDF_MIN, VaultService, type VaultServiceOptions } from '../vault/index';
import { HistoryService } from './history-service';
import { historyEntries, openStore } from './store';
import { tempDir } from './test-util';

// "Delete all history" end to end: the vault's key swap (src/main/vault/rekey-commit.ts) with the real
// encrypted history in the same folder. Crash safety is checked by SIGKILLing a child at every step.
const GOOD = 'my cat eats toast at midnight';
const OTHER = 'seven quiet herons fold the map';
const LABEL = 'Personal';
const KDF = { params: { alg: 'argon2id' as const, v: 19 as const, ...KDF_MIN }, ms: 20 };
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'delete-all.fixture.ts');

const dirs: Array<ReturnType<typeof tempDir>> = [];
const open: Array<{ vault: VaultService; history: HistoryService }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.vault.close();
    o.history.detach();
  }
  for (const d of dirs.splice(0)) d.cleanup();
});

function temp(): string {
  const t = tempDir('dbt-delete-all-');
  dirs.push(t);
  return t.dir;
}

/** A vault whose history opens and closes with it, like create-app wires it. */
function wire(dataDir: string, extra: Partial<VaultServiceOptions> = {}) {
  const vault = new VaultService({ dataDir, kdf: KDF, ...extra });
  const history = new HistoryService();
  vault.onSession((e) => (e.type === 'unlocked' ? history.attach(e.session) : history.detach()));
  open.push({ vault, history });
  return { vault, history };
}

async function seeded(extra: Partial<VaultServiceOptions> = {}) {
  const dataDir = temp();
  const w = wire(dataDir, extra);
  const sheet = await w.vault.create(LABEL, GOOD, GOOD);
  const store = w.history.requireStore();
  const c = store.createConversation({ title: 'before' });
  store.appendMessage({ conversationId: c.id, role: 'user', content: 'a private sentence' });
  const backup = store.backupNow(Date.now() + 5_000);
  const dir = w.vault.requireSession().dir;
  return { ...w, dataDir, dir, sheet, conversationId: c.id, backup: path.join(dir, 'backups', backup.name) };
}

const reset = (vault: VaultService, history: HistoryService, passphrase: string, onClose = () => {}) =>
  vault.resetDataKey(passphrase, {
    close: () => {
      history.detach();
      onClose();
    },
    entries: (dir) => historyEntries(dir),
  });

function hashTree(root: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (skip.includes(name)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

describe('delete all history', () => {
  it('removes the database and every backup and replaces the data key: old copies open with nothing', async () => {
    const s = await seeded();
    const oldKey = Buffer.from(s.vault.requireSession().dataKey);
    const stolen = path.join(temp(), 'copy.db');
    copyFileSync(s.backup, stolen);
    const sheet = await reset(s.vault, s.history, GOOD);
    s.history.attach(s.vault.requireSession());

    expect(sheet.recoveryCode).not.toBe(s.sheet.recoveryCode);
    expect(sheet.fingerprint).toBe(s.sheet.fingerprint); // same identity keys
    expect(s.vault.requireSession().dataKey.equals(oldKey)).toBe(false);
    expect(s.history.requireStore().listByDay({ tzOffsetMinutes: 0 }).days).toEqual([]);
    expect(existsSync(s.backup)).toBe(false);
    expect(existsSync(path.join(s.dir, '.rekey-pending'))).toBe(false);
    expect(s.vault.auditTrail().map((e) => e.event)).toContain('history.deleted');
    // A copy of an old file: unreadable with the key the vault now holds, readable only with the destroyed one.
    expect(() => openStore({ file: stolen, dataKey: s.vault.requireSession().dataKey })).toThrow(
      expect.objectContaining({ code: 'WRONG_KEY' }),
    );

    await s.vault.lock();
    expect(await codeOf(s.vault.recover(LABEL, s.sheet.recoveryCode, OTHER, OTHER))).toBe('WRONG_PASSPHRASE');
    await s.vault.unlock(LABEL, GOOD);
    expect(s.history.requireStore().listByDay({ tzOffsetMinutes: 0 }).days).toEqual([]);
    await s.vault.lock();
    await s.vault.recover(LABEL, sheet.recoveryCode, OTHER, OTHER);
    expect(s.vault.status().unlocked).toBe(true);
    // The destroyed key still reads the copy: proof the copy was real and only the key protects it.
    const check = openStore({ file: stolen, dataKey: oldKey });
    expect(check.getConversation(s.conversationId).title).toBe('before');
    check.close();
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and changes no byte of any file', async () => {
    const s = await seeded();
    const before = hashTree(s.dataDir);
    for (const wrong of ['not my passphrase at all', GOOD.toUpperCase(), `${GOOD} `, '']) {
      expect(await codeOf(reset(s.vault, s.history, wrong))).toBe('WRONG_PASSPHRASE');
    }
    expect(hashTree(s.dataDir)).toEqual(before);
    expect(s.history.requireStore().getConversation(s.conversationId).title).toBe('before');
  });

  it('refuses while locked and refuses names outside the history', async () => {
    const s = await seeded();
    const before = hashTree(s.dataDir, ['audit.log']);
    const evil = (entries: string[]) =>
      codeOf(s.vault.resetDataKey(GOOD, { close: () => undefined, entries: () => entries }));
    for (const names of [['vault.key'], ['../x'], ['.lock'], ['a/b'], ['.rekey-pending']]) {
      expect(await evil(names)).toBe('INVALID_INPUT');
    }
    expect(hashTree(s.dataDir, ['audit.log'])).toEqual(before);
    await s.vault.lock();
    expect(await codeOf(reset(s.vault, s.history, GOOD))).toBe('LOCKED');
  });

  const BEFORE_COMMIT = ['prepare', 'intent', 'next-key', 'move:backups', 'move:history.db', 'commit'];

  it.each(BEFORE_COMMIT)('a failure at %s undoes everything, byte for byte', async (step) => {
    const s = await seeded({
      rekeyFault: (at) => {
        if (at === step) throw new Error('disk full');
      },
    });
    let before: Record<string, string> = {};
    const code = await codeOf(reset(s.vault, s.history, GOOD, () => (before = hashTree(s.dir, ['audit.log']))));
    expect(code).toBe('IO_ERROR');
    expect(hashTree(s.dir, ['audit.log'])).toEqual(before);
    s.history.attach(s.vault.requireSession());
    expect(s.history.requireStore().getConversation(s.conversationId).title).toBe('before');
  });

  it('a failure after the commit still counts as done; the next unlock clears the leftovers', async () => {
    const s = await seeded({
      rekeyFault: (at) => {
        if (at === 'cleanup') throw new Error('disk full');
      },
    });
    const sheet = await reset(s.vault, s.history, GOOD);
    expect(existsSync(path.join(s.dir, '.rekey-pending'))).toBe(true);
    await s.vault.lock();
    await s.vault.unlock(LABEL, GOOD);
    expect(existsSync(path.join(s.dir, '.rekey-pending'))).toBe(false);
    expect(s.history.requireStore().listByDay({ tzOffsetMinutes: 0 }).days).toEqual([]);
    await s.vault.lock();
    await s.vault.recover(LABEL, sheet.recoveryCode, OTHER, OTHER);
  });
});

describe('delete all history under kill -9', () => {
  let child: string;
  let bundle: ReturnType<typeof tempDir>;
  beforeAll(() => {
    bundle = tempDir('dbt-delete-all-bundle-');
    const t = bundle;
    child = path.join(t.dir, 'delete-all.cjs');
    // Bundled once so each child starts as plain node; native modules stay external.
    buildSync({
      entryPoints: [FIXTURE],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'silent',
    });
  });
  afterAll(() => bundle.cleanup());

  const run = (dataDir: string, step: string) =>
    new Promise<string | null>((resolve, reject) => {
      const p = spawn(process.execPath, [child, dataDir, LABEL, step], {
        stdio: ['pipe', 'ignore', 'inherit'],
        env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
      });
      p.stdin.end(GOOD);
      p.on('error', reject);
      p.on('exit', (_code, signal) => resolve(signal));
    });

  const STEPS = ['prepare', 'intent', 'next-key', 'move:backups', 'move:history.db', 'commit', 'cleanup'];

  it.each(STEPS)(
    'killed at %s: the old vault with its history, or the new one with none',
    async (step) => {
      const s = await seeded();
      await s.vault.lock();
      // `.lock` is the killed child's stale lock (taken over on unlock); audit.log records the child's unlock.
      const before = hashTree(s.dir, ['audit.log', '.lock']);
      expect(await run(s.dataDir, step)).toBe('SIGKILL');
      await s.vault.unlock(LABEL, GOOD); // settles the folder first, then opens the history
      expect(existsSync(path.join(s.dir, '.rekey-pending'))).toBe(false);
      const store = s.history.requireStore();
      if (step === 'cleanup') {
        expect(hashTree(s.dir)['vault.key']).not.toBe(before['vault.key']);
        expect(store.listByDay({ tzOffsetMinutes: 0 }).days).toEqual([]);
      } else {
        store.close(); // compare the files as they were, before this unlock's daily backup
        const after = hashTree(s.dir, ['audit.log', 'backups', '.lock']);
        const { ['backups/' + path.basename(s.backup)]: oldBackup, ...rest } = before;
        expect(after).toEqual(Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('backups/'))));
        expect(hashTree(path.join(s.dir, 'backups'))[path.basename(s.backup)]).toBe(oldBackup);
        s.history.attach(s.vault.requireSession());
        expect(s.history.requireStore().getConversation(s.conversationId).title).toBe('before');
      }
    },
    60_000,
  );
});
