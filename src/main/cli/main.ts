import { UsageError } from './args';
import type { Command } from './command';

/** Subcommands, loaded lazily so `dbt-coach skills` does not pay for the web server. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  models: { summary: 'Manage on-device models', load: async () => (await import('./models')).modelsCommand },
  keys: {
    summary: 'Make the clinic signing key for model bundles',
    load: async () => (await import('./keys')).keysCommand,
  },
  safety: {
    summary: 'Classify messages with the crisis safety layer',
    load: async () => (await import('./safety')).safetyCommand,
  },
  skills: { summary: 'Suggest DBT skills for messages', load: async () => (await import('./skills')).skillsCommand },
  serve: {
    summary: 'Run the app in your browser (loopback only)',
    load: async () => (await import('./serve')).serveCommand,
  },
};

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    const list = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
    console.log(
      [
        'Usage: dbt-coach <command> [options]',
        '',
        'Commands:',
        ...list,
        '  relay      Run the encrypted relay server',
        '',
        'Run `dbt-coach <command> --help` for options.',
      ].join('\n'),
    );
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`Unknown command '${name}'. Run 'dbt-coach --help' for the list.`);
    return 2;
  }
  try {
    return await (await entry.load()).run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}. Run 'dbt-coach ${name} --help'.`);
      return 2;
    }
    throw error;
  }
}
