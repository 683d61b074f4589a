import { formatHelp, UsageError } from './args';
import { JSONL_FLAGS, jsonlCommand } from './jsonl-loop';

const FLAGS = {
  ...JSONL_FLAGS,
  jsonl: { type: 'boolean', help: 'Read {"id","text"} lines on stdin, write {"id","skills"} lines' },
  limit: { type: 'string', help: 'How many skill ids per line, 1-10 (default 3)' },
} as const;

const HELP = `${formatHelp(
  'dbt-coach skills --jsonl [--limit N] < messages.jsonl',
  'Suggest DBT skills for messages with the local suggester (no model needed).',
  FLAGS,
)}

Input:  one JSON object per line: {"id": "m1", "text": "..."}. Blank lines are skipped.
Output: exactly one line per input, in order: {"id": "m1", "skills": ["tipp", "stop", ...]}, best first,
        using the skill ids of ../shared/dbt/skills.json. With no signal the default is wise-mind, stop, self-soothe.
Bad lines never stop the run: {"id": "m1", "error": "..."} when the id could be read, else {"line": 3, "error": "..."}.`;

export const skillsCommand = jsonlCommand({
  name: 'skills',
  summary: 'Suggest DBT skills for messages (--jsonl)',
  help: HELP,
  flags: FLAGS,
  prepare: (flags) => {
    const limit = flags.limit === undefined ? 3 : Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10)
      throw new UsageError('--limit must be a whole number from 1 to 10');
    return async (dispatch, text) => {
      const r = await dispatch('coach.suggest', { text, limit }, { transport: 'cli' });
      if (!r.ok) return { error: r.error.code };
      return { skills: (r.value as { skills: { id: string }[] }).skills.map((s) => s.id) };
    };
  },
});
