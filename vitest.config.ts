import { defineConfig } from 'vitest/config';

// Node-side unit tests (main, shared, preload glue, relay). Renderer tests run through `ng test`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/main/**/*.spec.ts', 'src/shared/**/*.spec.ts', 'src/preload/**/*.spec.ts', 'src/relay/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only make the native parts (Argon2, SQLCipher, llama.cpp) fight.
    maxWorkers: 2,
  },
});
