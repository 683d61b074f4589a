import os from 'node:os';
import {
  getLlama,
  LlamaLogLevel,
  resolveChatWrapper,
  type ChatWrapper,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp';
import type { Progress } from './atomic-file';
import { AppError } from './errors';
import type { Hardware } from './hardware-fit';
import { machineKey, probeThreads, ThreadCache, type ProbeResult } from './thread-probe';

export interface LocalModelRef {
  readonly id: string;
  readonly path: string;
  readonly sha256: string;
  readonly recommendedContext: number | null;
}

export interface LocalEngineOptions {
  readonly dataDir: string;
  /** Which model to load; null when none is installed or selected. */
  readonly resolveModel: () => Promise<LocalModelRef | null>;
  /** Unload after this long without a generation (default 10 minutes). */
  readonly idleUnloadMs?: number;
  /** Context size cap; the model's trained size and its manifest may lower it. */
  readonly contextSize?: number;
  /** A fixed thread count, or 'auto' to measure once per model and machine. */
  readonly threads?: number | 'auto';
  readonly gpu?: 'auto' | false;
  readonly onProgress?: Progress;
}

export interface Loaded {
  readonly modelId: string;
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  readonly sequence: LlamaContextSequence;
  readonly chatWrapper: ChatWrapper;
  readonly contextSize: number;
  readonly threads: number;
}

/**
 * Owns the one llama.cpp model and context: loaded on first use, shared by every generation,
 * unloaded after an idle period. Callers hold it between `use()` and the returned release.
 */
export class LocalEngine {
  private llama: Promise<Llama> | null = null;
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  private users = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  lastProbe: ProbeResult | null = null;

  constructor(private readonly o: LocalEngineOptions) {}

  get loadedModelId(): string | null {
    return this.loaded?.modelId ?? null;
  }

  async hardware(): Promise<Hardware> {
    const totalRamBytes = os.totalmem();
    if (this.o.gpu === false || !this.llama) return { totalRamBytes, freeVramBytes: 0, gpu: null };
    const llama = await this.llama;
    const gpu = llama.gpu || null;
    const vram = gpu ? await llama.getVramState().catch(() => ({ free: 0 })) : { free: 0 };
    return { totalRamBytes, freeVramBytes: vram.free, gpu };
  }

  /** Loads if needed (stop during load only stops the wait: the shared load finishes for the next user). */
  async use(signal?: AbortSignal): Promise<{ loaded: Loaded; release: () => void }> {
    this.users++;
    this.clearIdle();
    try {
      const loaded = await abortable(this.ensureLoaded(), signal);
      let released = false;
      return {
        loaded,
        release: () => {
          if (released) return;
          released = true;
          this.users--;
          this.armIdle();
        },
      };
    } catch (e) {
      this.users--;
      this.armIdle();
      throw e;
    }
  }

  async unload(): Promise<void> {
    this.clearIdle();
    const loaded = this.loaded ?? (await this.loading?.catch(() => null)) ?? null;
    this.loaded = null;
    this.loading = null;
    if (loaded) {
      await loaded.context.dispose();
      await loaded.model.dispose();
    }
  }

  async dispose(): Promise<void> {
    await this.unload();
    const llama = await this.llama?.catch(() => null);
    this.llama = null;
    await llama?.dispose();
  }

  private ensureLoaded(): Promise<Loaded> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= this.load().then(
      (l) => {
        this.loaded = l;
        return l;
      },
      (e: unknown) => {
        this.loading = null;
        throw e;
      },
    );
    return this.loading;
  }

  private async load(): Promise<Loaded> {
    const ref = await this.o.resolveModel();
    if (!ref)
      throw new AppError('MODEL_NOT_LOADED', 'No on-device model is installed yet. Import one in Settings → Models.');
    const progress = this.o.onProgress ?? (() => undefined);
    progress(null, 'Loading model');
    this.llama ??= getLlama({
      gpu: this.o.gpu ?? 'auto',
      build: 'never',
      logLevel: LlamaLogLevel.error,
      progressLogs: false,
    });
    const llama = await this.llama;
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: ref.path, onLoadProgress: (p) => progress(p * 0.9, 'Loading model') });
    } catch {
      throw new AppError('MODEL_INVALID', 'llama.cpp could not load this model file.');
    }
    try {
      const threads = await this.chooseThreads(model, ref, llama.gpu || null);
      const contextSize = Math.min(
        this.o.contextSize ?? 4096,
        ref.recommendedContext ?? Infinity,
        model.trainContextSize,
      );
      const context = await model.createContext({ contextSize, threads });
      const chatWrapper = resolveChatWrapper(model);
      if (!chatWrapper) throw new AppError('MODEL_INVALID', 'This model has no usable chat template.');
      progress(1, 'Model ready');
      return { modelId: ref.id, model, context, sequence: context.getSequence(), chatWrapper, contextSize, threads };
    } catch (e) {
      await model.dispose();
      throw e;
    }
  }

  private async chooseThreads(model: LlamaModel, ref: LocalModelRef, gpu: string | null): Promise<number> {
    if (typeof this.o.threads === 'number') return this.o.threads;
    const cache = ThreadCache.in(this.o.dataDir);
    const key = machineKey(ref.sha256, gpu);
    const cached = await cache.get(key);
    if (cached) return (this.lastProbe = cached).threads;
    this.o.onProgress?.(0.95, 'Measuring the best thread count');
    const result = await probeThreads(model, os.availableParallelism());
    this.lastProbe = result;
    await cache.set(key, result);
    return result.threads;
  }

  private armIdle(): void {
    this.clearIdle();
    if (this.users > 0 || !this.loaded) return;
    this.idleTimer = setTimeout(() => void this.unload(), this.o.idleUnloadMs ?? 10 * 60_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
