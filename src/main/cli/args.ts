/** Minimal, strict flag parser: unknown flags are errors, so typos never fall back to defaults silently. */
export interface FlagSpec {
  readonly [name: string]: { readonly type: 'string' | 'boolean'; readonly help: string };
}

export type ParsedFlags<S extends FlagSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string;
};

export class UsageError extends Error {}

export function parseFlags<S extends FlagSpec>(
  argv: readonly string[],
  spec: S,
): { flags: ParsedFlags<S>; rest: string[] } {
  const flags: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const negated = rawName.startsWith('no-') && spec[rawName.slice(3)]?.type === 'boolean';
    const name = negated ? rawName.slice(3) : rawName;
    const def = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!def) throw new UsageError(`Unknown option --${rawName}`);
    if (def.type === 'boolean') {
      flags[name] = !negated;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`Option --${name} needs a value`);
    flags[name] = value;
  }
  return { flags: flags as ParsedFlags<S>, rest };
}

export function formatHelp(usage: string, summary: string, spec: FlagSpec): string {
  const lines = Object.entries(spec).map(
    ([name, d]) => `  --${name}${d.type === 'string' ? ' <value>' : ''}  ${d.help}`,
  );
  return [`Usage: ${usage}`, '', summary, '', 'Options:', ...lines, '  --help  Show this help'].join('\n');
}
