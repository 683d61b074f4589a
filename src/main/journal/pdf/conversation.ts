import type { Conversation, Message } from '../../../shared/api/history';
import { PdfWriter } from './pdf-writer';

const ROLE: Record<Message['role'], string> = { user: 'You', assistant: 'Coach', system: 'System' };
const STATUS: Record<Message['status'], string> = {
  complete: '',
  partial: ' (reply cut short)',
  cancelled: ' (stopped)',
  error: ' (did not finish)',
};
/** Minute precision in UTC, like the Markdown export: the same file reads the same everywhere. */
const stamp = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A conversation printed as a transcript: who said what and when, with the same "not encrypted" notice. */
export async function conversationPdf(conversation: Conversation, messages: Message[]): Promise<Uint8Array> {
  const title = conversation.title.trim() || 'Conversation';
  const w = await PdfWriter.create(title);
  w.heading(title);
  w.paragraph(
    `Printed from DBT Coach on ${stamp(Date.now())}. This file is not encrypted: anyone who can open it can read it. Keep it somewhere private.`,
    { size: 9, grey: true },
  );
  w.space(8);
  if (messages.length === 0) w.paragraph('This conversation has no messages.', { grey: true });
  for (const m of messages) {
    w.paragraph(`${ROLE[m.role]} · ${stamp(m.createdAt)}${STATUS[m.status]}`, { bold: true, size: 9.5 });
    w.paragraph(m.content.trim() ? m.content : '-', { indent: 12 });
    w.space(6);
  }
  return w.bytes();
}
