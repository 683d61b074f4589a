import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileFavourites } from '../../coach/index';
import { createDispatcher, type Handlers } from '../dispatcher';
import { createCoachHandlers } from './coach';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'coach-'));
  dirs.push(dir);
  const dispatch = createDispatcher(createCoachHandlers(createFileFavourites(dir)) as unknown as Handlers);
  return { dir, call: (m: string, input: unknown) => dispatch(m, input, { transport: 'cli' }) };
}

describe('coach handlers through the dispatcher', () => {
  it('lists the library and searches it', async () => {
    const { call } = setup();
    const list = await call('coach.skills.list', {});
    expect(list.ok && (list.value as { skills: unknown[] }).skills).toHaveLength(32);
    expect(await call('coach.skills.search', { query: 'tipp' })).toMatchObject({ ok: true, value: { ids: ['tipp'] } });
  });

  it('checks safety and suggests skills, validating input', async () => {
    const { call } = setup();
    expect(await call('coach.safety.check', { text: 'i want to kms' })).toMatchObject({
      ok: true,
      value: { level: 'crisis' },
    });
    expect(await call('coach.suggest', { text: 'panic attack', limit: 2 })).toMatchObject({ ok: true });
    expect(await call('coach.safety.check', { text: 5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('coach.suggest', { text: 'x', limit: 99 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('keeps favourites on disk, refuses unknown skills', async () => {
    const { call, dir } = setup();
    expect(await call('coach.favourites.set', { skillId: 'tipp', favourite: true })).toEqual({
      ok: true,
      value: { ids: ['tipp'] },
    });
    await call('coach.favourites.set', { skillId: 'stop', favourite: true });
    await call('coach.favourites.set', { skillId: 'tipp', favourite: false });
    expect(JSON.parse(readFileSync(join(dir, 'favourite-skills.json'), 'utf8'))).toEqual(['stop']);
    expect(await call('coach.favourites.set', { skillId: 'nope', favourite: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const fresh = createDispatcher(createCoachHandlers(createFileFavourites(dir)) as unknown as Handlers);
    expect(await fresh('coach.favourites.list', {}, { transport: 'cli' })).toEqual({
      ok: true,
      value: { ids: ['stop'] },
    });
  });

  it('returns crisis contacts by country with a 112 fallback', async () => {
    const { call } = setup();
    const us = await call('coach.crisisContacts', { country: 'us' });
    expect(JSON.stringify(us)).toContain('988');
    const uk = await call('coach.crisisContacts', { country: 'UK' });
    expect(JSON.stringify(uk)).toContain('116 123');
    const xx = await call('coach.crisisContacts', { country: 'XX' });
    expect(JSON.stringify(xx)).toContain('112');
  });
});
