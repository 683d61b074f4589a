// Child process for the delete-all crash spec: unlocks the vault, then runs "delete all history" and
// SIGKILLs itself at the named step (rekey-commit.ts), like a power cut. Reads the passphrase from stdin.
import { KDF_MIN, VaultService } from '../vault/index';
import { historyEntries } from './store';

async function main(): Promise<void> {
  const [dataDir, label, step] = process.argv.slice(2);
  if (!dataDir || !label || !step) process.exit(2);
  let passphrase = '';
  for await (const chunk of process.stdin) passphrase += String(chunk);
  const vault = new VaultService({
    dataDir,
    kdf: { params: { alg: 'argon2id', v: 19, ...KDF_MIN }, ms: 20 },
    rekeyFault: (s) => {
      if (s === step) process.kill(process.pid, 'SIGKILL');
    },
  });
  await vault.unlock(label, passphrase);
  await vault.resetDataKey(passphrase, { close: () => undefined, entries: (dir) => historyEntries(dir) });
  process.stdout.write('finished\n');
  process.exit(0);
}

void main();
