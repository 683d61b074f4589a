import { createApp } from '../api/index';
import { formatHelp, parseFlags, UsageError } from './args';
import type { Command } from './command';
import { runJsonl } from './safety';

const FLAGS = {
  jsonl: { type: 'boolean', help: 'Read {"id","text"} lines on stdin, write {"id","skills"} lines' },
  limit: { type: 'string', help: 'How many skill ids per line, 1-10 (default 3)' },
  'data-dir': { type: 'string', help: 'App data folder (default: the usual per-user folder)' },
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

export const skillsCommand: Command = {
  name: 'skills',
  summary: 'Suggest DBT skills for messages (--jsonl)',
  async run(argv) {
    if (argv.includes('--help')) {
      console.log(HELP);
      return 0;
    }
    const { flags } = parseFlags(argv, FLAGS);
    if (!flags.jsonl) throw new UsageError('Only --jsonl mode exists; pass --jsonl');
    const limit = flags.limit === undefined ? 3 : Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10)
      throw new UsageError('--limit must be a whole number from 1 to 10');
    const app = await createApp({ dataDir: flags['data-dir'] });
    try {
      return await runJsonl(async (id, text) => {
        const r = await app.dispatch('coach.suggest', { text, limit }, { transport: 'cli' });
        if (!r.ok) return { id, error: r.error.code };
        return { id, skills: (r.value as { skills: { id: string }[] }).skills.map((s) => s.id) };
      });
    } finally {
      await app.close();
    }
  },
};
