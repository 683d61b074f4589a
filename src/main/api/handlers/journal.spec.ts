import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryService } from '../../store/index';
import { KDF_MIN, VaultService } from '../../vault/index';
import type { AppContext } from '../app-context';
import { createDispatcher, type Dispatch, type Handlers } from '../dispatcher';
import { EventBus } from '../event-bus';
import { completionFrom, createJournalHandlers, createJournalService } from './journal';
import { createVaultHandlers } from './vault';

const call = { transport: 'cli' } as const;
const GOOD = 'my cat eats toast at midnight';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A real vault and a real encrypted history behind the one dispatcher, like createApp wires them. */
function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-api-'));
  const dataDir = path.join(root, 'data');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(outDir);
  const vault = new VaultService({ dataDir, kdf: { params: { alg: 'argon2id', v: 19, ...KDF_MIN }, ms: 20 } });
  const history = new HistoryService();
  vault.onSession((e) => (e.type === 'unlocked' ? history.attach(e.session) : history.detach()));
  const ctx: AppContext = { dataDir, platform: process.platform, events: new EventBus(), vault, disposers: [] };
  const dispatch: Dispatch = createDispatcher({
    ...createVaultHandlers(vault),
    ...createJournalHandlers(createJournalService(ctx, { history })),
  } as unknown as Handlers);
  cleanups.push(async () => {
    await vault.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const run = (method: string, input: unknown = {}) => dispatch(method, input, call);
  return { run, vault, dataDir, outDir };
}

const day = (patch: Record<string, unknown> = {}) => ({
  date: '2025-03-04',
  emotions: [{ id: 'sadness', rating: 3 }],
  urges: [{ id: 'self-harm', rating: 1, actedOn: false }],
  targets: [],
  skills: [{ skillId: 'tipp', rating: 5 }],
  medication: { taken: 'partly', note: '' },
  notes: 'canary-diary-7731',
  ...patch,
});

describe('journal methods through the dispatcher', () => {
  it('need an unlocked vault', async () => {
    const { run } = setup();
    for (const [m, input] of [
      ['diary.get', { date: '2025-03-04' }],
      ['safetyPlan.get', {}],
      ['chain.list', {}],
      ['handoff.keys.mine', {}],
      ['clients.list', {}],
    ] as const) {
      expect(await run(m, input)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
  });

  it('a high urge returns the crisis level and the audit trail records the level only', async () => {
    const { run } = setup();
    await run('vault.create', { label: 'Home', passphrase: GOOD, confirmPassphrase: GOOD });
    const saved = await run('diary.save', { entry: day({ urges: [{ id: 'suicide', rating: 4, actedOn: false }] }) });
    expect(saved).toMatchObject({ ok: true, value: { safety: 'crisis' } });
    const audit = await run('vault.audit', {});
    expect(JSON.stringify(audit)).toContain('"event":"crisis.shown","detail":"crisis"');
    expect(JSON.stringify(audit)).not.toContain('canary-diary-7731');
    expect(await run('diary.week', { start: '2025-03-03' })).toMatchObject({ ok: true });
    await run('vault.lock');
    expect(await run('diary.get', { date: '2025-03-04' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('refuses bad input at the boundary', async () => {
    const { run, outDir } = setup();
    await run('vault.create', { label: 'Home', passphrase: GOOD, confirmPassphrase: GOOD });
    const pdf = path.join(outDir, 'plan.pdf');
    for (const [m, input] of [
      ['diary.get', { date: '2025-02-30' }],
      ['diary.save', { entry: day({ emotions: [{ id: 'sadness', rating: 6 }] }) }],
      ['diary.save', { entry: day({ skills: [{ skillId: 'tipp', rating: 8 }] }) }],
      ['diary.reminder.set', { time: '25:00' }],
      ['handoff.pdf', { item: { kind: 'safetyPlan' }, path: pdf }],
      ['handoff.pdf', { item: { kind: 'safetyPlan' }, path: pdf, acknowledgePlaintext: false }],
      ['trends.get', { from: '2025-01-01', to: '2025-02-01', bucket: 'day' }],
    ] as const) {
      expect(await run(m, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(fs.existsSync(pdf)).toBe(false);
    expect(
      await run('handoff.pdf', { item: { kind: 'safetyPlan' }, path: pdf, acknowledgePlaintext: true }),
    ).toMatchObject({ ok: true, value: { encrypted: false } });
    expect(await run('chain.draft', { conversationId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('packet round trip between two real vaults, then a tampered copy is refused', async () => {
    const client = setup();
    const therapist = setup();
    await client.run('vault.create', { label: 'Alex', passphrase: GOOD, confirmPassphrase: GOOD });
    await therapist.run('vault.create', { label: 'Dr Lee', passphrase: GOOD, confirmPassphrase: GOOD });
    await client.run('diary.save', { entry: day() });
    const mine = (await therapist.run('handoff.keys.mine')) as { ok: true; value: { text: string } };
    const key = (await client.run('handoff.keys.import', { text: mine.value.text })) as {
      ok: true;
      value: { id: string };
    };
    const file = path.join(client.outDir, 'week.dbtpacket');
    expect(
      await client.run('handoff.packet.create', {
        recipientId: key.value.id,
        items: [{ kind: 'diaryWeek', start: '2025-03-03' }],
        path: file,
      }),
    ).toMatchObject({ ok: true });
    expect(fs.readFileSync(file).includes('canary-diary-7731')).toBe(false);

    const tampered = path.join(therapist.outDir, 'tampered.dbtpacket');
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 70) ^ 0xff, bytes.length - 70);
    fs.writeFileSync(tampered, bytes);
    expect(await therapist.run('handoff.packet.import', { path: tampered })).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_INVALID' },
    });
    expect(await therapist.run('clients.list')).toEqual({ ok: true, value: { clients: [] } });

    const imported = (await therapist.run('handoff.packet.import', { path: file })) as {
      ok: true;
      value: { packetId: string };
    };
    expect(imported.ok).toBe(true);
    const read = await therapist.run('clients.packet', { packetId: imported.value.packetId });
    expect(JSON.stringify(read)).toContain('canary-diary-7731');
    expect(await therapist.run('clients.list')).toMatchObject({ ok: true, value: { clients: [{ label: 'Alex' }] } });
  });

  it('canary: diary, chain and safety-plan text never lands in any file in plaintext', async () => {
    const { run, dataDir, outDir } = setup();
    const canary = 'canary-journal-5150-zebra';
    await run('vault.create', { label: 'Home', passphrase: GOOD, confirmPassphrase: GOOD });
    expect(
      await run('diary.save', { entry: day({ notes: canary, medication: { taken: 'yes', note: canary } }) }),
    ).toMatchObject({
      ok: true,
    });
    const fields = {
      title: canary,
      problemBehaviour: canary,
      promptingEvent: '',
      vulnerabilityFactors: '',
      links: [{ kind: 'thought', text: canary }],
      consequences: { shortTerm: '', longTerm: '' },
      skillPoints: [],
      repair: '',
    };
    expect(await run('chain.create', { fields })).toMatchObject({ ok: true });
    const plan = {
      warningSigns: [canary],
      copingStrategies: [],
      distractions: [],
      helpers: [{ name: canary, phone: '1' }],
      professionals: [],
      saferEnvironment: [],
      reasonsForLiving: [canary],
    };
    expect(await run('safetyPlan.save', { plan, baseVersion: 0 })).toMatchObject({ ok: true });
    const key = (await run('handoff.keys.mine')) as { ok: true; value: { text: string } };
    expect(key.ok).toBe(true);
    await run('vault.lock');
    const forms = [canary, Buffer.from(canary, 'utf16le').toString('latin1'), Buffer.from(canary).toString('base64')];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const p = path.join(dir, d.name);
        return d.isDirectory() ? walk(p) : [p];
      });
    const files = [...walk(dataDir), ...walk(outDir)];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const content = fs.readFileSync(f).toString('latin1');
      for (const form of forms) expect(content.includes(form), path.relative(dataDir, f)).toBe(false);
    }
  });
});

describe('completionFrom', () => {
  it('collects a provider stream into one reply and passes the prompt through', async () => {
    const seen: unknown[] = [];
    const provider = {
      kind: 'local' as const,
      destination: () => null,
      available: () => true,
      async *chat(request: unknown) {
        seen.push(request);
        yield { type: 'text' as const, text: '{"title": ' };
        yield { type: 'text' as const, text: '"x"}' };
        yield { type: 'done' as const, reason: 'complete' as const, tokens: 3, model: 'm' };
      },
    };
    const reply = await completionFrom(provider)({ system: 's', message: 'm', maxTokens: 10 });
    expect(reply).toBe('{"title": "x"}');
    expect(seen).toEqual([expect.objectContaining({ system: 's', message: 'm', history: [], maxTokens: 10 })]);
  });
});
