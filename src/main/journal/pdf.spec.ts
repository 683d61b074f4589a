import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIARY_CONFIG } from './diary';
import { EMPTY_SAFETY_PLAN } from './safety-plan';
import { entry, harness, type Harness } from './test-support';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

/** Debian's poppler-utils: the same text a person's PDF reader would show. */
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('printable PDFs', () => {
  it('prints a diary-card week like the paper card', async () => {
    h.service.setDiaryConfig({
      ...DEFAULT_DIARY_CONFIG,
      targets: [{ id: 'skip', label: 'Skipped class', kind: 'yesno' }],
    });
    h.service.saveDay(
      entry('2025-03-04', {
        urges: [{ id: 'suicide', rating: 2, actedOn: true }],
        targets: [{ id: 'skip', value: 1 }],
        notes: 'Walked by the river after group',
      }),
    );
    const file = path.join(h.outDir, 'week.pdf');
    const result = await h.service.exportPdf({ kind: 'diaryWeek', start: '2025-03-03' }, file);
    expect(result).toEqual({ path: file, bytes: fs.statSync(file).size, encrypted: false });
    const t = text(file);
    for (const s of ['Diary card: 2025-03-03 to 2025-03-09', 'not encrypted', 'Sadness', 'Urge: Suicide', '2 acted']) {
      expect(t).toContain(s);
    }
    for (const s of ['Skipped class', 'yes', 'TIPP', 'Walked by the river after group', 'Mon 03-03', 'Sun 03-09']) {
      expect(t).toContain(s);
    }
  });

  it('prints a chain analysis', async () => {
    const c = h.service.createChain({
      title: 'Charger',
      problemBehaviour: 'Shouted at my brother',
      promptingEvent: 'He took my charger',
      vulnerabilityFactors: 'Slept four hours',
      links: [{ kind: 'thought', text: 'He never respects me' }],
      consequences: { shortTerm: 'Relief', longTerm: 'Silence for a day' },
      skillPoints: [{ skillIds: ['stop'], text: 'When my face got hot' }],
      repair: 'Apologised',
    });
    const file = path.join(h.outDir, 'chain.pdf');
    await h.service.exportPdf({ kind: 'chain', id: c.id }, file);
    const t = text(file);
    for (const s of [
      'Chain analysis: Charger',
      'Shouted at my brother',
      '[thought] He never respects me',
      'STOP',
      'Apologised',
    ]) {
      expect(t).toContain(s);
    }
  });

  it('prints the safety plan with all six steps and reasons for living, and survives text the font cannot draw', async () => {
    h.service.saveSafetyPlan(
      {
        ...EMPTY_SAFETY_PLAN,
        warningSigns: ['Staying in bed all day'],
        helpers: [{ name: 'Sam', phone: '07700 900123' }],
        professionals: [{ name: 'Dr Rivera', phone: '020 7946 0001' }],
        reasonsForLiving: ['My dog Biscuit 🐶', '妹妹', 'A very long reason '.repeat(40)],
      },
      0,
    );
    const file = path.join(h.outDir, 'plan.pdf');
    await h.service.exportPdf({ kind: 'safetyPlan' }, file);
    const t = text(file);
    for (const s of ['My safety plan', 'Step 1.', 'Step 6.', 'Staying in bed all day', 'Sam: 07700 900123']) {
      expect(t).toContain(s);
    }
    expect(t).toContain('Dr Rivera: 020 7946 0001');
    expect(t).toContain('My dog Biscuit ?');
    expect(t).toContain('My reasons for living');
  });

  it.each([
    ['a relative path', 'week.pdf'],
    ['a wrong extension', '/tmp/x.txt'],
    ['a folder that does not exist', '/definitely/not/here/x.pdf'],
  ])('refuses %s', async (_n, p) => {
    expect(await codeOf(h.service.exportPdf({ kind: 'safetyPlan' }, p))).toBe('INVALID_INPUT');
  });

  it('refuses to write inside the app data, even through a symlinked folder', async () => {
    expect(await codeOf(h.service.exportPdf({ kind: 'safetyPlan' }, path.join(h.dataDir, 'plan.pdf')))).toBe(
      'INVALID_INPUT',
    );
    fs.symlinkSync(h.dataDir, path.join(h.outDir, 'link'));
    expect(await codeOf(h.service.exportPdf({ kind: 'safetyPlan' }, path.join(h.outDir, 'link', 'plan.pdf')))).toBe(
      'INVALID_INPUT',
    );
    expect(fs.readdirSync(h.dataDir).some((n) => n.endsWith('.pdf'))).toBe(false);
  });

  it('needs an unlocked vault', async () => {
    h.lock();
    expect(await codeOf(h.service.exportPdf({ kind: 'safetyPlan' }, path.join(h.outDir, 'p.pdf')))).toBe('LOCKED');
  });
});
