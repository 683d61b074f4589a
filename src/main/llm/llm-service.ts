import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/api';
import type { ProviderKind, ProviderSettings } from '../../shared/api/chat';
import type { ModelInfo, RecommendedModel } from '../../shared/api/models';
import { throttled, type Progress } from './atomic-file';
import { createMemoryPersistence, type ChatPersistence } from './chat-persistence';
import { ChatService, type ChatServiceOptions } from './chat-service';
import { downloadModel } from './downloader';
import { AppError } from './errors';
import { GenerationQueue } from './generation-queue';
import { hardwareFit } from './hardware-fit';
import { LocalEngine, type LocalEngineOptions } from './local-engine';
import { LocalProvider } from './local-provider';
import { ModelStore, type StoredModel } from './model-store';
import { OpenAICompatibleProvider } from './openai-provider';
import { OutboundGuard } from './outbound-guard';
import { RelayProvider } from './relay/relay-provider';
import type { RelayKeys } from './relay/relay-auth';
import { normaliseRelayUrl } from './relay/relay-url';
import type { ChatProvider } from './provider';
import { COACH_SYSTEM_PROMPT_V1 } from './prompts/coach-system.v1';
import { RECOMMENDED_MODELS, type RecommendedEntry } from './recommended';
import { importBundle } from './bundle-import';
import { denyOnline, denyProvider, denyUnsignedModel, OPEN_POLICY, type LlmPolicy } from './policy-hook';
import { memorySecret, SettingsFile, type SecretSlot } from './settings';

export interface LlmServiceOptions {
  readonly dataDir: string;
  readonly emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  /** Where conversations are stored; in-memory until the encrypted store is wired in. */
  persistence?: () => ChatPersistence;
  readonly apiKey?: SecretSlot;
  readonly engine?: Partial<Omit<LocalEngineOptions, 'dataDir' | 'resolveModel' | 'onProgress'>>;
  readonly catalog?: readonly RecommendedEntry[];
  readonly fetch?: typeof fetch;
  readonly maxTokens?: number;
  readonly server?: { connectTimeoutMs?: number; idleTimeoutMs?: number };
  /** Extra providers (the relay adds itself here). */
  readonly extraProviders?: Partial<Record<ProviderKind, ChatProvider>>;
  /** The unlocked vault's keys for the relay provider, or null while locked (relay unavailable). */
  readonly relayKeys?: () => RelayKeys | null;
  /** Whether the vault's history is backed up (sealed) to the relay; read on every relay request. */
  readonly relayBackup?: () => boolean;
  /** The admin policy's limits (forced offline, providers off, signed bundles only); read on every use. */
  readonly policy?: () => LlmPolicy;
}

/** The llm service as the API layer sees it: models, providers, chat, offline mode. */
export async function createLlmService(o: LlmServiceOptions) {
  const settings = new SettingsFile(o.dataDir);
  await settings.load();
  const policy = () => o.policy?.() ?? OPEN_POLICY;
  // A provider the policy turned off is never the default, whatever the settings file says.
  const defaultProvider = (): ProviderKind =>
    policy().disabledProviders.includes(settings.value.defaultProvider) ? 'local' : settings.value.defaultProvider;
  const apiKey = o.apiKey ?? memorySecret();
  let cachedKey = await apiKey.get();
  const guard = new OutboundGuard({
    offline: settings.value.offline || policy().forceOffline,
    logFile: path.join(o.dataDir, 'llm', 'connections.jsonl'),
    onRecord: (r) => o.emit('privacy.connection', r),
  });
  guard.setLocalServer(settings.value.server.baseUrl || null);
  const store = new ModelStore(o.dataDir);
  const progress =
    (task: string): Progress =>
    (fraction, label) =>
      o.emit('progress', { task, fraction, label });
  const catalog = o.catalog ?? RECOMMENDED_MODELS;
  let installed = new Set((await store.list()).map((m) => m.record.id));

  const selectedModel = async (): Promise<StoredModel | null> => {
    const all = await store.list();
    installed = new Set(all.map((m) => m.record.id));
    return all.find((m) => m.record.id === settings.value.localModelId) ?? all[0] ?? null;
  };
  const engine = new LocalEngine({
    ...o.engine,
    dataDir: o.dataDir,
    onProgress: throttled(progress('model-load')),
    resolveModel: async () => {
      const m = await selectedModel();
      if (!m) return null;
      if (!(await store.unchanged(m.record.id))) {
        throw new AppError('MODEL_INVALID', 'The model file changed since it was imported. Verify or re-import it.');
      }
      return {
        id: m.record.id,
        path: m.path,
        sha256: m.record.sha256,
        recommendedContext: m.record.recommendedContext,
      };
    },
  });
  const queue = new GenerationQueue();
  const local = new LocalProvider(engine, queue, () => installed.size > 0);
  const server = new OpenAICompatibleProvider({
    guard,
    fetch: o.fetch,
    ...o.server,
    config: () => {
      const s = settings.value.server;
      return s.baseUrl && s.model ? { baseUrl: s.baseUrl, model: s.model, apiKey: cachedKey } : null;
    },
  });
  const relay = new RelayProvider({
    guard,
    fetch: o.fetch,
    ...o.server,
    dataDir: o.dataDir,
    url: () => settings.value.relay.url || null,
    keys: () => o.relayKeys?.() ?? null,
    backup: () => o.relayBackup?.() ?? false,
  });
  const providers: ChatServiceOptions['providers'] = { local, server, relay, ...o.extraProviders };
  const memory = createMemoryPersistence();
  const chat = new ChatService({
    providers,
    persistence: () => (o.persistence ? o.persistence() : memory),
    emit: o.emit,
    systemPrompt: () => COACH_SYSTEM_PROMPT_V1,
    defaultProvider,
    checkProvider: (kind) => denyProvider(policy(), kind),
    maxTokens: o.maxTokens,
  });

  const info = async (m: StoredModel): Promise<ModelInfo> => {
    const ctx = Math.min(m.record.recommendedContext ?? 4096, m.facts.contextLength ?? 4096, 4096);
    return {
      id: m.record.id,
      fileName: m.record.fileName.slice(0, 255),
      sizeBytes: m.record.sizeBytes,
      sha256: m.record.sha256,
      verified: m.record.verified,
      architecture: m.facts.architecture,
      name: m.facts.name,
      parameterCount: m.facts.parameterCount,
      quantization: m.facts.quantization.slice(0, 32),
      contextLength: m.facts.contextLength,
      license: m.record.license,
      recommendedContext: m.record.recommendedContext,
      importedAt: m.record.importedAt,
      fit: hardwareFit(m.record.sizeBytes, m.facts, ctx, await engine.hardware()),
      loaded: engine.loadedModelId === m.record.id,
    };
  };

  const providerSettings = async (): Promise<ProviderSettings> => ({
    defaultProvider: defaultProvider(),
    offline: guard.offline,
    server: { ...settings.value.server, apiKeySet: !!cachedKey },
    relay: { url: settings.value.relay.url },
    available: {
      local: local.available() && !policy().disabledProviders.includes('local'),
      server: server.available() && !policy().disabledProviders.includes('server'),
      relay: !!providers.relay?.available() && !policy().disabledProviders.includes('relay'),
    },
    localModelId: (await selectedModel())?.record.id ?? null,
  });

  return {
    chat,
    guard,
    /** The on-device provider, for one-shot drafting that should never leave the machine. */
    localProvider: local as ChatProvider,
    engine,
    store,
    /** The coach wires its safety screens in here. */
    setScreens: (s: Parameters<ChatService['setScreens']>[0]) => chat.setScreens(s),
    setPersistence: (p: () => ChatPersistence) => (o.persistence = p),
    models: {
      list: async () => Promise.all((await store.list()).map(info)),
      info: async (id: string) => info(await store.get(id)),
      import: async (file: string) => {
        denyUnsignedModel(policy());
        const m = await store.import(file, progress('model-import'));
        installed.add(m.record.id);
        return info(m);
      },
      /** A signed bundle folder (docs/clinic-guide.md); all files are verified before any is listed. */
      importBundle: async (dir: string, confirmFingerprint?: string) => {
        const p = policy();
        const result = await importBundle(dir, {
          store,
          trust: { clinicKeys: p.clinicPublicKeys, required: p.requireSignedModelBundles },
          confirmFingerprint,
          progress: progress('model-import'),
        });
        if (result.state === 'needs-confirmation') return result;
        for (const id of [...result.imported, ...result.alreadyInstalled]) installed.add(id);
        const models = await Promise.all(
          [...result.imported, ...result.alreadyInstalled].map(async (id) => info(await store.get(id))),
        );
        return { ...result, models };
      },
      verify: async (id: string) => ({ id, ...(await store.verify(id, progress('model-verify'))) }),
      remove: async (id: string) => {
        if (engine.loadedModelId === id) await engine.unload();
        const removed = await store.remove(id);
        installed.delete(id);
        return { removed };
      },
      select: async (id: string) => {
        await store.get(id);
        if (engine.loadedModelId && engine.loadedModelId !== id) await engine.unload();
        await settings.update({ localModelId: id });
        return { id };
      },
      recommended: async (): Promise<RecommendedModel[]> =>
        catalog.map((e) => ({
          id: e.id,
          name: e.name,
          fileName: e.fileName,
          sizeBytes: e.sizeBytes,
          license: e.license,
          sourceUrl: e.url,
          sha256: e.sha256,
          installed: installed.has(e.id),
        })),
      download: async (id: string, signal?: AbortSignal) => {
        denyUnsignedModel(policy());
        const entry = catalog.find((e) => e.id === id);
        if (!entry) throw new AppError('NOT_FOUND', 'That model is not in the recommended list.');
        const m = await downloadModel(entry, {
          store,
          guard,
          signal,
          fetch: o.fetch,
          progress: progress('model-download'),
        });
        installed.add(m.record.id);
        return info(m);
      },
    },
    providers: {
      get: providerSettings,
      set: async (patch: {
        defaultProvider?: ProviderKind;
        server?: { baseUrl?: string; model?: string; apiKey?: string };
        relay?: { url: string };
      }) => {
        const s = patch.server;
        if (patch.relay) denyProvider(policy(), 'relay');
        const relayUrl = patch.relay?.url.trim() ? normaliseRelayUrl(patch.relay.url) : patch.relay ? '' : undefined;
        if (patch.defaultProvider) denyProvider(policy(), patch.defaultProvider);
        if (s && Object.values(s).some((v) => v !== undefined)) denyProvider(policy(), 'server');
        if (s?.baseUrl) guardUrl(s.baseUrl);
        await settings.update({
          ...(patch.defaultProvider ? { defaultProvider: patch.defaultProvider } : {}),
          server: {
            baseUrl: s?.baseUrl ?? settings.value.server.baseUrl,
            model: s?.model ?? settings.value.server.model,
          },
          ...(relayUrl !== undefined ? { relay: { url: relayUrl } } : {}),
        });
        if (s?.apiKey !== undefined) {
          cachedKey = s.apiKey || null;
          await apiKey.set(cachedKey);
        }
        guard.setLocalServer(settings.value.server.baseUrl || null);
        return providerSettings();
      },
    },
    privacy: {
      connections: async () => ({ offline: guard.offline, connections: await guard.connections() }),
      setOffline: async (offline: boolean) => {
        if (!offline) denyOnline(policy());
        guard.setOffline(offline);
        await settings.update({ offline });
        return { offline };
      },
    },
    dispose: async () => {
      await chat.stopAll();
      await engine.dispose();
    },
  };
}

export type LlmService = Awaited<ReturnType<typeof createLlmService>>;

function guardUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('INVALID_INPUT', 'The server address must be a full URL such as http://192.168.1.20:8080/v1.');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', 'The server address must start with http:// or https://.');
  }
}
