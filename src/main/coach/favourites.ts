import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { CoachError } from './errors';
import { getSkill } from './skills/library';

/**
 * Favourite skills: a short list of skill ids (never user text), kept in the data folder and written
 * atomically. When the encrypted store lands this can move into the vault behind the same interface.
 */
export interface FavouritesStore {
  list(): Promise<string[]>;
  set(skillId: string, favourite: boolean): Promise<string[]>;
}

export function createFileFavourites(dir: string): FavouritesStore {
  const file = join(dir, 'favourite-skills.json');
  let cache: string[] | null = null;
  let chain: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<string[]> => {
    if (cache) return cache;
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      cache = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string' && !!getSkill(x)) : [];
    } catch {
      cache = []; // missing or unreadable: start empty rather than fail the library view
    }
    return cache;
  };

  const save = async (ids: string[]): Promise<void> => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify(ids));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  };

  return {
    list: async () => [...(await load())],
    set: (skillId, favourite) => {
      if (!getSkill(skillId)) return Promise.reject(new CoachError('NOT_FOUND', 'There is no skill with that id.'));
      // Serialise writes so two quick taps cannot lose one another.
      const next = chain.then(async () => {
        const current = await load();
        const updated = favourite ? [...new Set([...current, skillId])] : current.filter((id) => id !== skillId);
        await save(updated);
        cache = updated;
        return [...updated];
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
