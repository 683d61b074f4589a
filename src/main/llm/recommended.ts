/**
 * A small curated list of instruct models that run on ordinary laptops. Sizes are approximate
 * (what the model card lists). No SHA-256 is pinned here because we could not check them from
 * an air-gapped build: the downloader then verifies against the hash Hugging Face publishes for
 * the file (its `X-Linked-Etag` LFS hash) and refuses the file when neither is available.
 */
export interface RecommendedEntry {
  readonly id: string;
  readonly name: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly license: string;
  readonly url: string;
  readonly sha256: string | null;
}

const hf = (repo: string, file: string) => `https://huggingface.co/${repo}/resolve/main/${file}`;

export const RECOMMENDED_MODELS: readonly RecommendedEntry[] = [
  {
    id: 'Llama-3_2-1B-Instruct-Q4_K_M',
    name: 'Llama 3.2 1B Instruct (Q4_K_M)',
    fileName: 'Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    sizeBytes: 808_000_000,
    license: 'Llama 3.2 Community License',
    url: hf('bartowski/Llama-3.2-1B-Instruct-GGUF', 'Llama-3.2-1B-Instruct-Q4_K_M.gguf'),
    sha256: null,
  },
  {
    id: 'Llama-3_2-3B-Instruct-Q4_K_M',
    name: 'Llama 3.2 3B Instruct (Q4_K_M)',
    fileName: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    sizeBytes: 2_020_000_000,
    license: 'Llama 3.2 Community License',
    url: hf('bartowski/Llama-3.2-3B-Instruct-GGUF', 'Llama-3.2-3B-Instruct-Q4_K_M.gguf'),
    sha256: null,
  },
  {
    id: 'Qwen2_5-1_5B-Instruct-Q4_K_M',
    name: 'Qwen2.5 1.5B Instruct (Q4_K_M)',
    fileName: 'Qwen2.5-1.5B-Instruct-Q4_K_M.gguf',
    sizeBytes: 986_000_000,
    license: 'Apache-2.0',
    url: hf('bartowski/Qwen2.5-1.5B-Instruct-GGUF', 'Qwen2.5-1.5B-Instruct-Q4_K_M.gguf'),
    sha256: null,
  },
  {
    id: 'Phi-3_5-mini-instruct-Q4_K_M',
    name: 'Phi-3.5 mini instruct (Q4_K_M)',
    fileName: 'Phi-3.5-mini-instruct-Q4_K_M.gguf',
    sizeBytes: 2_390_000_000,
    license: 'MIT',
    url: hf('bartowski/Phi-3.5-mini-instruct-GGUF', 'Phi-3.5-mini-instruct-Q4_K_M.gguf'),
    sha256: null,
  },
];
