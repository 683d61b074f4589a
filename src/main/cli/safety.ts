import { createInterface } from 'node:readline';
import { createApp } from '../api/index';
import { formatHelp, parseFlags, UsageError } from './args';
import type { Command } from './command';

/**
 * Shared JSON-lines loop for `safety` and `skills`. Contract (documented in --help):
 * - each non-blank stdin line is one input `{"id": string, "text": string}` and gets exactly one output line,
 *   in input order; blank lines are not inputs and produce nothing;
 * - a line that is not a JSON object with a string id and a string text produces
 *   `{"id": <id>, "error": "..."}` when an id could be read, otherwise `{"line": <1-based line number>, "error": "..."}`;
 * - the process never stops on a bad line; exit code 0 when stdin ends, 1 only if stdout breaks.
 * Text goes through the app's one dispatcher, so limits and validation match the UI exactly.
 */
export async function runJsonl(
  toOutput: (id: string, text: string) => Promise<Record<string, unknown>>,
  input: NodeJS.ReadableStream = process.stdin,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let out: Record<string, unknown>;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const obj =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    const id = obj && typeof obj['id'] === 'string' ? obj['id'] : null;
    if (!obj) out = { line: lineNo, error: 'not a JSON object' };
    else if (id === null) out = { line: lineNo, error: 'missing string "id"' };
    else if (typeof obj['text'] !== 'string') out = { id, error: 'missing string "text"' };
    else out = await toOutput(id, obj['text']);
    write(`${JSON.stringify(out)}\n`);
  }
  return 0;
}

const FLAGS = {
  jsonl: { type: 'boolean', help: 'Read {"id","text"} lines on stdin, write {"id","level","reasons"} lines' },
  'data-dir': { type: 'string', help: 'App data folder (default: the usual per-user folder)' },
} as const;

const HELP = `${formatHelp(
  'dbt-coach safety --jsonl < messages.jsonl',
  'Classify messages with the local crisis safety layer (rules only, no model, nothing leaves the device).',
  FLAGS,
)}

Input:  one JSON object per line: {"id": "m1", "text": "..."}. Blank lines are skipped.
Output: exactly one line per input, in order: {"id": "m1", "level": "none|concern|crisis", "reasons": ["rule.id", ...]}.
Bad lines never stop the run: {"id": "m1", "error": "..."} when the id could be read, else {"line": 3, "error": "..."}.`;

export const safetyCommand: Command = {
  name: 'safety',
  summary: 'Classify messages with the crisis safety layer (--jsonl)',
  async run(argv) {
    if (argv.includes('--help')) {
      console.log(HELP);
      return 0;
    }
    const { flags } = parseFlags(argv, FLAGS);
    if (!flags.jsonl) throw new UsageError('Only --jsonl mode exists; pass --jsonl');
    const app = await createApp({ dataDir: flags['data-dir'] });
    try {
      return await runJsonl(async (id, text) => {
        const r = await app.dispatch('coach.safety.check', { text }, { transport: 'cli' });
        if (!r.ok) return { id, error: r.error.code };
        const v = r.value as { level: string; reasons: string[] };
        return { id, level: v.level, reasons: v.reasons };
      });
    } finally {
      await app.close();
    }
  },
};
