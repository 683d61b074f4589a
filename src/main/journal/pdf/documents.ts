import {
  SKILL_USE_SCALE,
  type ChainAnalysis,
  type DiaryConfig,
  type DiaryEntry,
  type SafetyPlan,
} from '../../../shared/api/journal';
import { getSkill } from '../../coach/index';
import { PdfWriter } from './pdf-writer';

const NOTICE = 'Printed from DBT Coach. This file is not encrypted: keep it somewhere private.';
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const skillName = (id: string) => getSkill(id)?.name ?? id;
const dayLabel = (d: string) => `${WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]} ${d.slice(5)}`;
const when = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A diary-card week laid out like the paper card: one row per item, one column per day. */
export async function diaryWeekPdf(
  config: DiaryConfig,
  days: Array<{ date: string; entry: DiaryEntry | null }>,
): Promise<Uint8Array> {
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  const w = await PdfWriter.create(`Diary card, week of ${first}`, true);
  w.heading(`Diary card: ${first} to ${last}`);
  w.paragraph(NOTICE, { size: 9, grey: true });
  w.space(6);
  const header = ['', ...days.map((d) => dayLabel(d.date))];
  const cell = (fn: (e: DiaryEntry) => string) => days.map((d) => (d.entry ? fn(d.entry) : ''));
  const rows: string[][] = [];
  for (const item of config.emotions) {
    rows.push([`${item.label} (0-5)`, ...cell((e) => String(e.emotions.find((x) => x.id === item.id)?.rating ?? ''))]);
  }
  for (const item of config.urges) {
    rows.push([
      `Urge: ${item.label} (0-5, acted?)`,
      ...cell((e) => {
        const u = e.urges.find((x) => x.id === item.id);
        return u ? `${u.rating}${u.actedOn ? ' acted' : ''}` : '';
      }),
    ]);
  }
  for (const item of config.targets) {
    rows.push([
      item.label,
      ...cell((e) => {
        const t = e.targets.find((x) => x.id === item.id);
        if (!t) return '';
        return item.kind === 'yesno' ? (t.value ? 'yes' : 'no') : String(t.value);
      }),
    ]);
  }
  rows.push(['Medication taken', ...cell((e) => e.medication.taken ?? '')]);
  w.grid(header, rows, 170);

  const skillIds = [...new Set(days.flatMap((d) => d.entry?.skills.map((s) => s.skillId) ?? []))];
  if (skillIds.length) {
    w.paragraph('Skills used (0-7 scale)', { bold: true });
    w.grid(
      header,
      skillIds.map((id) => [
        skillName(id),
        ...cell((e) => String(e.skills.find((s) => s.skillId === id)?.rating ?? '')),
      ]),
      170,
    );
    w.paragraph(SKILL_USE_SCALE.map((s, i) => `${i} = ${s}`).join('; '), { size: 8, grey: true });
    w.space(6);
  }
  for (const d of days) {
    const notes = [d.entry?.notes ?? '', d.entry?.medication.note ? `Medication: ${d.entry.medication.note}` : '']
      .filter((t) => t.trim())
      .join('\n');
    if (notes) w.field(`Notes, ${dayLabel(d.date)}`, notes);
  }
  return w.bytes();
}

export async function chainPdf(chain: ChainAnalysis): Promise<Uint8Array> {
  const w = await PdfWriter.create(chain.title || 'Chain analysis');
  w.heading(`Chain analysis${chain.title ? `: ${chain.title}` : ''}`);
  w.paragraph(`${NOTICE} Last edited ${when(chain.updatedAt)}.`, { size: 9, grey: true });
  w.space(6);
  w.field('Problem behaviour', chain.problemBehaviour);
  w.field('Prompting event', chain.promptingEvent);
  w.field('Vulnerability factors', chain.vulnerabilityFactors);
  w.list(
    'Links in the chain',
    chain.links.map((l) => `[${l.kind}] ${l.text}`),
  );
  w.field('Consequences (short term)', chain.consequences.shortTerm);
  w.field('Consequences (long term)', chain.consequences.longTerm);
  w.list(
    'Where skills could have been used',
    chain.skillPoints.map((p) => (p.skillIds.length ? `${p.text} (${p.skillIds.map(skillName).join(', ')})` : p.text)),
  );
  w.field('Repair', chain.repair);
  return w.bytes();
}

export async function safetyPlanPdf(plan: SafetyPlan, savedAt: number | null): Promise<Uint8Array> {
  const w = await PdfWriter.create('My safety plan');
  w.heading('My safety plan');
  w.paragraph(`${NOTICE}${savedAt ? ` Saved ${when(savedAt)}.` : ''}`, { size: 9, grey: true });
  w.space(6);
  const contact = (c: { name: string; phone: string }) => (c.phone ? `${c.name}: ${c.phone}` : c.name);
  w.list('Step 1. Warning signs that a crisis may be developing', plan.warningSigns);
  w.list('Step 2. Things I can do on my own to take my mind off things', plan.copingStrategies);
  w.list(
    'Step 3. People and places that help me feel better',
    plan.distractions.map((d) => (d.detail ? `${d.name}: ${d.detail}` : d.name)),
  );
  w.list('Step 4. People I can ask for help', plan.helpers.map(contact));
  w.list('Step 5. Professionals and agencies I can contact', plan.professionals.map(contact));
  w.list('Step 6. Making my surroundings safer', plan.saferEnvironment);
  w.list('My reasons for living', plan.reasonsForLiving);
  w.paragraph('If you are in immediate danger, call your local emergency number.', { bold: true });
  return w.bytes();
}
