import type { GgufHeader, GgufValue } from './gguf-header';
import { fileTypeName, tensorTypeName } from './ggml-types';

/** What the model manager shows about a GGUF before it is loaded. */
export interface ModelFacts {
  readonly architecture: string;
  readonly name: string | null;
  readonly parameterCount: number | null;
  readonly quantization: string;
  readonly contextLength: number | null;
  /** Per-token KV cache bytes (f16), for the hardware-fit estimate; null when unknown. */
  readonly kvBytesPerToken: number | null;
}

const num = (v: GgufValue | undefined): number | null =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
const str = (v: GgufValue | undefined): string | null => (typeof v === 'string' ? v.slice(0, 200) : null);

export function modelFacts(h: GgufHeader): ModelFacts {
  const arch = str(h.metadata.get('general.architecture')) ?? 'unknown';
  const key = (k: string) => h.metadata.get(`${arch}.${k}`);
  return {
    architecture: arch.slice(0, 64),
    name: str(h.metadata.get('general.name')),
    parameterCount: num(h.metadata.get('general.parameter_count')) ?? countParameters(h),
    quantization: quantization(h),
    contextLength: num(key('context_length')),
    kvBytesPerToken: kvBytesPerToken(num(key('block_count')), num(key('embedding_length')), key),
  };
}

function countParameters(h: GgufHeader): number | null {
  if (h.tensors.length === 0) return null;
  return h.tensors.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0);
}

/** file_type names the mix; without it, the type holding the most elements is the honest answer. */
function quantization(h: GgufHeader): string {
  const ft = num(h.metadata.get('general.file_type'));
  const named = ft === null ? null : fileTypeName(ft);
  if (named) return named;
  const byType = new Map<number, number>();
  for (const t of h.tensors) byType.set(t.type, (byType.get(t.type) ?? 0) + t.dims.reduce((a, b) => a * b, 1));
  const top = [...byType.entries()].sort((a, b) => b[1] - a[1])[0];
  return top ? tensorTypeName(top[0]) : 'unknown';
}

function kvBytesPerToken(
  layers: number | null,
  embd: number | null,
  key: (k: string) => GgufValue | undefined,
): number | null {
  if (!layers || !embd) return null;
  const heads = num(key('attention.head_count')) ?? 1;
  const kvHeads = num(key('attention.head_count_kv')) ?? heads;
  const kvEmbd = heads > 0 ? (embd * kvHeads) / heads : embd;
  return layers * kvEmbd * 2 /* K and V */ * 2; /* f16 */
}
