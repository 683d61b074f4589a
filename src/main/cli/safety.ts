import { formatHelp } from './args';
import { JSONL_FLAGS, jsonlCommand } from './jsonl-loop';

const FLAGS = {
  ...JSONL_FLAGS,
  jsonl: { type: 'boolean', help: 'Read {"id","text"} lines on stdin, write {"id","level","reasons"} lines' },
} as const;

const HELP = `${formatHelp(
  'dbt-coach safety --jsonl < messages.jsonl',
  'Classify messages with the local crisis safety layer (rules only, no model, nothing leaves the device).',
  FLAGS,
)}

Input:  one JSON object per line: {"id": "m1", "text": "..."}. Blank lines are skipped.
Output: exactly one line per input, in order: {"id": "m1", "level": "none|concern|crisis", "reasons": ["rule.id", ...]}.
Bad lines never stop the run: {"id": "m1", "error": "..."} when the id could be read, else {"line": 3, "error": "..."}.`;

export const safetyCommand = jsonlCommand({
  name: 'safety',
  summary: 'Classify messages with the crisis safety layer (--jsonl)',
  help: HELP,
  flags: FLAGS,
  prepare: () => async (dispatch, text) => {
    const r = await dispatch('coach.safety.check', { text }, { transport: 'cli' });
    if (!r.ok) return { error: r.error.code };
    const v = r.value as { level: string; reasons: string[] };
    return { level: v.level, reasons: v.reasons };
  },
});
