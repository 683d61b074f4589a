import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runJsonl } from './jsonl-loop';

async function run(input: string): Promise<unknown[]> {
  const lines: string[] = [];
  await runJsonl(
    async (id, text) => ({ id, length: text.length }),
    Readable.from([input]),
    (l) => lines.push(l),
  );
  expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
  return lines.map((l) => JSON.parse(l) as unknown);
}

describe('runJsonl', () => {
  it('writes exactly one line per non-blank input line, in order, and never stops on bad lines', async () => {
    const out = await run(
      [
        '{"id":"a","text":"hi"}',
        '',
        'not json',
        '{"id":"b"}',
        '{"text":"x"}',
        '[1]',
        'null',
        '{"id":7,"text":"x"}',
        '{"id":"c","text":"yo"}',
      ].join('\n'),
    );
    expect(out).toEqual([
      { id: 'a', length: 2 },
      { line: 3, error: 'not a JSON object' },
      { id: 'b', error: 'missing string "text"' },
      { line: 5, error: 'missing string "id"' },
      { line: 6, error: 'not a JSON object' },
      { line: 7, error: 'not a JSON object' },
      { line: 8, error: 'missing string "id"' },
      { id: 'c', length: 2 },
    ]);
  });

  it('handles CRLF and a last line without newline', async () => {
    expect(await run('{"id":"a","text":"x"}\r\n{"id":"b","text":"yz"}')).toEqual([
      { id: 'a', length: 1 },
      { id: 'b', length: 2 },
    ]);
  });
});
