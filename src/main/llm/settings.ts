import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PROVIDER_KINDS } from '../../shared/api/chat';
import { writeFileAtomic } from './atomic-file';

/** Non-secret provider settings (no message content, no key): a plain JSON file in the data dir. */
const settingsSchema = z.object({
  defaultProvider: z.enum(PROVIDER_KINDS).catch('local'),
  /** Offline is the default: only an explicit choice turns it off. */
  offline: z.boolean().catch(true),
  server: z.object({ baseUrl: z.string().max(500), model: z.string().max(200) }).catch({ baseUrl: '', model: '' }),
  relay: z.object({ url: z.string().max(500) }).catch({ url: '' }),
  localModelId: z.string().max(64).nullable().catch(null),
});
export type LlmSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: LlmSettings = {
  defaultProvider: 'local',
  offline: true,
  server: { baseUrl: '', model: '' },
  relay: { url: '' },
  localModelId: null,
};

/** Where the server API key lives. Memory by default; the vault plugs in an encrypted one. */
export interface SecretSlot {
  get(): Promise<string | null>;
  set(value: string | null): Promise<void>;
}

export function memorySecret(): SecretSlot {
  let value: string | null = null;
  return {
    get: async () => value,
    set: async (v) => {
      value = v;
    },
  };
}

export class SettingsFile {
  private current: LlmSettings | null = null;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'llm', 'settings.json');
  }

  async load(): Promise<LlmSettings> {
    if (this.current) return this.current;
    const text = await readFile(this.file, 'utf8').catch(() => null);
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const result = parsed ? settingsSchema.safeParse(parsed) : null;
    this.current = result?.success
      ? result.data
      : { ...DEFAULT_SETTINGS, server: { ...DEFAULT_SETTINGS.server }, relay: { ...DEFAULT_SETTINGS.relay } };
    return this.current;
  }

  get value(): LlmSettings {
    return this.current ?? DEFAULT_SETTINGS;
  }

  async update(patch: Partial<LlmSettings>): Promise<LlmSettings> {
    const next = { ...(await this.load()), ...patch };
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    return next;
  }
}
