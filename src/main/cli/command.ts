/** A subcommand of `dbt-coach`. Each lives in its own file and is loaded only when used. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  run(argv: readonly string[]): Promise<number>;
}
