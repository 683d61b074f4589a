// Child process for the kill -9 spec: appends rows one transaction at a time and reports each
// commit on stdout only after appendMessage returned (i.e. after the WAL fsync).
import { openStore } from './store';

const [file, hex, conversationId, prefix] = process.argv.slice(2);
if (!file || !hex || !conversationId || !prefix) process.exit(2);
const store = openStore({ file, dataKey: Buffer.from(hex, 'hex') });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  store.appendMessage({ id, conversationId, role: 'user', content: `row ${i} `.repeat(1 + (i % 50)) });
  process.stdout.write(`ok ${id}\n`);
}
