import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './store';
import { newKey, tempDir } from './test-util';

const CLI = '/usr/bin/sqlcipher';
const available = existsSync(CLI);
if (!available && process.env.CI === 'true') throw new Error('sqlcipher CLI missing in CI (.ci/run installs it).');

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

// Independent proof that the file is genuine SQLCipher: Debian's sqlcipher 3.x CLI reads a
// legacy=3 file written by the store's own code, with the same raw key.
describe.skipIf(!available)('SQLCipher format (sqlcipher CLI, legacy = 3)', () => {
  it('the CLI reads what the store wrote, and refuses another key', () => {
    const file = path.join(t.dir, 'history.db');
    const key = newKey();
    const store = openStore({ file, dataKey: key, legacy: 3 });
    const c = store.createConversation({ title: 'format check' });
    store.appendMessage({ conversationId: c.id, role: 'user', content: 'read by the CLI' });
    store.close();
    const run = (hex: string) =>
      execFileSync(CLI, [file], {
        input: `PRAGMA key = "x'${hex}'";\nSELECT title FROM conversations;\nSELECT content FROM messages;\n`,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    expect(run(key.toString('hex'))).toBe('format check\nread by the CLI\n');
    expect(() => run(newKey().toString('hex'))).toThrow();
  });
});
