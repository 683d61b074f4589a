import type { ModelFacts } from './model-facts';

export interface Hardware {
  readonly totalRamBytes: number;
  readonly freeVramBytes: number;
  /** node-llama-cpp's GPU type ('cuda', 'vulkan', 'metal') or null for CPU only. */
  readonly gpu: string | null;
}

export interface HardwareFit {
  verdict: 'fits' | 'may-be-slow' | 'wont-fit';
  neededBytes: number;
  totalRamBytes: number;
  freeVramBytes: number;
  gpu: string | null;
  reason: string;
}

const GiB = 1024 ** 3;

/**
 * A cautious estimate, shown before loading: weights + f16 KV cache for the context + 15% for
 * llama.cpp's buffers. RAM is shared with the OS and the app, so only ~60% counts as roomy.
 */
export function hardwareFit(sizeBytes: number, facts: ModelFacts, contextSize: number, hw: Hardware): HardwareFit {
  const kv = (facts.kvBytesPerToken ?? 0) * contextSize;
  const neededBytes = Math.round((sizeBytes + kv) * 1.15);
  const base = { neededBytes, totalRamBytes: hw.totalRamBytes, freeVramBytes: hw.freeVramBytes, gpu: hw.gpu };
  const gb = (n: number) => (n < GiB ? `${Math.max(1, Math.round(n / 1024 ** 2))} MB` : `${(n / GiB).toFixed(1)} GB`);
  if (hw.gpu && hw.freeVramBytes >= neededBytes) {
    return { ...base, verdict: 'fits', reason: `Fits in the GPU's free memory (${gb(hw.freeVramBytes)}).` };
  }
  if (neededBytes > hw.totalRamBytes * 0.9) {
    return {
      ...base,
      verdict: 'wont-fit',
      reason: `Needs about ${gb(neededBytes)}; this computer has ${gb(hw.totalRamBytes)}.`,
    };
  }
  if (neededBytes > hw.totalRamBytes * 0.6) {
    return {
      ...base,
      verdict: 'may-be-slow',
      reason: `Needs about ${gb(neededBytes)}, most of this computer's memory.`,
    };
  }
  // On CPU, big models fit but answer slowly: say so rather than promise speed.
  if (!hw.gpu && sizeBytes > 6 * GiB) {
    return {
      ...base,
      verdict: 'may-be-slow',
      reason: 'Fits in memory, but without a GPU a model this size answers slowly.',
    };
  }
  return { ...base, verdict: 'fits', reason: `Needs about ${gb(neededBytes)} of ${gb(hw.totalRamBytes)}.` };
}
