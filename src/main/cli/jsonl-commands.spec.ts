// The command-line contracts of `dbt-coach safety --jsonl` and `dbt-coach skills --jsonl`, run as a person
// (or a script) runs them: a real process, stdin in, stdout out, exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'dbt-coach.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dbt-cli-jsonl-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], {
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  return { status: r.status, lines: lines.map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

const skillIds = new Set(
  (
    JSON.parse(readFileSync(path.join(ROOT, '..', 'shared', 'dbt', 'skills.json'), 'utf8')) as {
      skills: { id: string }[];
    }
  ).skills.map((s) => s.id),
);

describe('dbt-coach safety --jsonl', () => {
  it('answers exactly one line per input, in order, and never stops on a bad line', () => {
    const input = [
      JSON.stringify({ id: 'explicit', text: 'I am going to kill myself tonight' }),
      '',
      'not json at all',
      JSON.stringify({ id: 'idiom', text: 'this traffic is killing me' }),
      JSON.stringify({ text: 'no id here' }),
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'slang', text: 'honestly i just want to unalive' }),
      '   ',
      JSON.stringify(['an', 'array']),
    ].join('\n');
    const r = run(['safety', '--jsonl'], `${input}\n`);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(7);
    expect(r.lines[0]).toMatchObject({ id: 'explicit', level: 'crisis' });
    expect(r.lines[0]?.['reasons']).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(r.lines[1]).toEqual({ line: 3, error: 'not a JSON object' });
    expect(r.lines[2]).toEqual({ id: 'idiom', level: 'none', reasons: [] });
    expect(r.lines[3]).toEqual({ line: 5, error: 'missing string "id"' });
    expect(r.lines[4]).toEqual({ id: 'no-text', error: 'missing string "text"' });
    expect(r.lines[5]).toMatchObject({ id: 'slang', level: 'crisis' });
    expect(r.lines[6]).toEqual({ line: 9, error: 'not a JSON object' });
    // Nothing the person typed reaches stderr (logs).
    expect(r.stderr).not.toContain('kill myself');
  });

  it('refuses to run without --jsonl, with a usage error (exit 2) and no output', () => {
    const r = run(['safety'], '');
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([]);
  });
});

describe('dbt-coach skills --jsonl', () => {
  it('ranks canonical skill ids, best first, honouring --limit', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'I am so furious I want to throw something, my heart is racing' }),
      JSON.stringify({ id: 'b', text: 'How do I ask my flatmate to clean up without a fight?' }),
    ].join('\n');
    const r = run(['skills', '--jsonl', '--limit', '2'], `${input}\n`);
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => l['id'])).toEqual(['a', 'b']);
    for (const line of r.lines) {
      const skills = line['skills'] as string[];
      expect(skills).toHaveLength(2);
      for (const id of skills) expect(skillIds.has(id), id).toBe(true);
    }
  });

  it('refuses a --limit outside 1–10 before reading stdin', () => {
    const r = run(['skills', '--jsonl', '--limit', '11'], '{"id":"a","text":"hi"}\n');
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toContain('--limit must be a whole number from 1 to 10');
  });
});
