import type { Migration } from './migration';
import { migration0001 } from './0001-conversations-messages';
import { migration0002 } from './0002-notes-search';
import { migration0003 } from './0003-audit';
import { migration0004 } from './0004-journal';
import { migration0005 } from './0005-handoff';

export type { Migration } from './migration';

/** Every schema step in order. Add new migrations at the end; never edit or reorder old ones. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
