import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { conversationSchema, messageSchema, type Conversation, type Message } from '../../shared/api/history';
import { StoreError } from './errors';
import { writeFileAtomic } from './fs-util';
import { exportKey } from './key';

/**
 * Encrypted export format (same vault only): MAGIC(8) | salt(32) | iv(12) | tag(16) | AES-256-GCM
 * ciphertext of the JSON `{conversation, messages}`. The key is HKDF-SHA256(dataKey, salt,
 * 'dbt-coach/history/export/v1'), so only the vault that wrote the file can read it; the header
 * is authenticated as additional data. No passphrase of its own: sharing across vaults would
 * need one, and that is a separate feature.
 */
const MAGIC = Buffer.from('DBTCX\x001\n', 'latin1');
const MAX_IMPORT = 64 * 1024 * 1024;
export const EXPORT_EXTENSIONS = { markdown: '.md', encrypted: '.dbtc', pdf: '.pdf' } as const;

const payloadSchema = z.strictObject({
  v: z.literal(1),
  conversation: conversationSchema,
  messages: z.array(messageSchema).max(1_000_000),
});
export type ExportPayload = z.infer<typeof payloadSchema>;

/**
 * A user-chosen export path: absolute, no NUL, the expected extension, an existing folder, not a
 * symlink or folder itself, and never inside the app's own data folder (no overwriting the database).
 */
export function validateExportPath(p: string, format: keyof typeof EXPORT_EXTENSIONS, protectedDir: string): string {
  const bad = () => new StoreError('INVALID_INPUT', 'Choose a file in a folder outside the app data.');
  if (p.includes('\0') || !path.isAbsolute(p)) throw bad();
  const resolved = path.resolve(p);
  if (path.extname(resolved).toLowerCase() !== EXPORT_EXTENSIONS[format]) throw bad();
  const rel = path.relative(path.resolve(protectedDir), resolved);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw bad();
  try {
    if (!statSync(path.dirname(resolved)).isDirectory()) throw bad();
  } catch {
    throw bad();
  }
  try {
    if (!lstatSync(resolved).isFile()) throw bad();
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw bad();
  }
  return resolved;
}

const ROLE_LABEL: Record<Message['role'], string> = { user: 'You', assistant: 'Coach', system: 'System' };

export function toMarkdown(conversation: Conversation, messages: Message[], now = Date.now()): string {
  const lines = [
    `# ${conversation.title || 'Conversation'}`,
    '',
    `> Exported from DBT Coach on ${new Date(now).toISOString()}. This file is NOT encrypted:`,
    '> anyone who can open it can read it.',
    '',
  ];
  for (const m of messages) {
    const note = m.status === 'complete' ? '' : ` (${m.status})`;
    lines.push(`## ${ROLE_LABEL[m.role]} · ${new Date(m.createdAt).toISOString()}${note}`, '', m.content, '');
  }
  return lines.join('\n');
}

export function writeMarkdown(target: string, conversation: Conversation, messages: Message[]): void {
  writeFileAtomic(target, toMarkdown(conversation, messages));
}

export function sealExport(dataKey: Buffer, payload: Omit<ExportPayload, 'v'>): Buffer {
  const salt = randomBytes(32);
  const iv = randomBytes(12);
  const key = exportKey(dataKey, salt);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.concat([MAGIC, salt]));
    const body = Buffer.concat([cipher.update(JSON.stringify({ v: 1, ...payload }), 'utf8'), cipher.final()]);
    return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body]);
  } finally {
    key.fill(0);
  }
}

export function openExport(dataKey: Buffer, file: Buffer): ExportPayload {
  const unreadable = () => new StoreError('WRONG_KEY', 'This export cannot be opened with this vault.');
  if (file.length < MAGIC.length + 60 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new StoreError('INVALID_INPUT', 'This is not a DBT Coach export.');
  }
  let o = MAGIC.length;
  const salt = file.subarray(o, (o += 32));
  const iv = file.subarray(o, (o += 12));
  const tag = file.subarray(o, (o += 16));
  const key = exportKey(dataKey, salt);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.concat([MAGIC, salt]));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(file.subarray(o)), decipher.final()]);
  } catch {
    throw unreadable();
  } finally {
    key.fill(0);
  }
  const parsed = payloadSchema.safeParse(JSON.parse(plain.toString('utf8')));
  plain.fill(0);
  if (!parsed.success) throw new StoreError('INVALID_INPUT', 'This export is not in a known format.');
  return parsed.data;
}

export function readImportFile(p: string): Buffer {
  if (p.includes('\0') || !path.isAbsolute(p)) throw new StoreError('INVALID_INPUT', 'Choose an export file.');
  try {
    const st = statSync(p);
    if (!st.isFile()) throw new StoreError('INVALID_INPUT', 'Choose an export file.');
    if (st.size > MAX_IMPORT) throw new StoreError('TOO_LARGE', 'That file is too large to import.');
    return readFileSync(p);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError('NOT_FOUND', 'That file could not be read.');
  }
}
