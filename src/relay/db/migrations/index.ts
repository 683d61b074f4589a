import { migration as m0001 } from './0001-initial';
import { migration as m0002 } from './0002-relay-role';
import type { Migration } from '../migrate';

/** Every migration, in order. The runner checks that versions are 1..N without gaps. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002];
