import type { Db } from '../open';

/**
 * One schema step. Adding a migration = one file `NNNN-kebab-name.ts` exporting a Migration
 * with `version: NNNN` and `name: 'kebab-name'`, plus one entry in `index.ts`'s list.
 * `up` runs inside the shared migration transaction: no PRAGMAs that cannot run in one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
