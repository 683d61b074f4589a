import { createInterface } from 'node:readline';
import { createApp, type Dispatch } from '../api/index';
import { parseFlags, UsageError, type FlagSpec, type ParsedFlags } from './args';
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

/** The flags every JSON-lines command shares; a command adds its own next to these. */
export const JSONL_FLAGS = {
  jsonl: { type: 'boolean', help: 'Read {"id","text"} lines on stdin, write one result line each' },
  'data-dir': { type: 'string', help: 'App data folder (default: the usual per-user folder)' },
} as const;

/**
 * A `--jsonl` command: help, strict flags, one app for the whole run (closed at the end), and `answer`
 * turning one text into its output fields through the dispatcher.
 */
type JsonlFlagSpec = FlagSpec & {
  readonly jsonl: { readonly type: 'boolean' };
  readonly 'data-dir': { readonly type: 'string' };
};

export function jsonlCommand<S extends JsonlFlagSpec>(def: {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly flags: S;
  /** Validates the command's own flags (throw UsageError) and returns the per-line answer. */
  prepare(
    flags: ParsedFlags<S>,
  ): (dispatch: Dispatch, text: string) => Promise<Record<string, unknown> | { readonly error: string }>;
}): Command {
  return {
    name: def.name,
    summary: def.summary,
    async run(argv) {
      if (argv.includes('--help')) {
        console.log(def.help);
        return 0;
      }
      const { flags } = parseFlags(argv, def.flags);
      if (!flags.jsonl) throw new UsageError('Only --jsonl mode exists; pass --jsonl');
      const answer = def.prepare(flags);
      // S is generic here, so TypeScript cannot narrow the flag's type; JsonlFlagSpec makes it a string flag.
      const app = await createApp({ dataDir: flags['data-dir'] as string | undefined });
      try {
        return await runJsonl(async (id, text) => ({ id, ...(await answer(app.dispatch, text)) }));
      } finally {
        await app.close();
      }
    },
  };
}
