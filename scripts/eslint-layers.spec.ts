import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { checkImport } from './eslint-layers.mjs';

describe('layer rule', () => {
  it.each([
    ['src/renderer/app/app.ts', '../../main/vault/index'],
    ['src/renderer/app/app.ts', '../../preload/index'],
    ['src/renderer/app/app.ts', 'node:fs'],
    ['src/shared/api/index.ts', '../../main/api/dispatcher'],
    ['src/shared/api/index.ts', 'fastify'],
    ['src/main/vault/vault.ts', 'electron'],
    ['src/main/server/server.ts', '../vault/index'],
    ['src/main/server/server.ts', '../api/dispatcher'],
    ['src/main/store/db.ts', '../vault/key-file'],
    ['src/main/store/db.ts', '../api/index'],
    ['src/relay/server.ts', '../main/api/index'],
    ['src/preload/index.ts', '../main/api/index'],
  ])('refuses %s importing %s', (from, spec) => {
    expect(checkImport(from, spec)).toMatch(/must not|may only|may import only/);
  });

  it.each([
    ['src/renderer/app/app.ts', '../../shared/api/index'],
    ['src/renderer/app/app.ts', '@angular/core'],
    ['src/main/server/server.ts', '../api/index'],
    ['src/main/store/db.ts', '../vault/index'],
    ['src/main/store/db.ts', './migrations'],
    ['src/main/electron/window.ts', 'electron'],
    ['src/preload/index.ts', 'electron'],
    ['src/shared/api/index.ts', 'zod'],
  ])('allows %s importing %s', (from, spec) => {
    expect(checkImport(from, spec)).toBeNull();
  });

  it('fails lint on a deliberately bad import', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText(
      "import { createApp } from '../../main/api/index';\nexport const x = createApp;\n",
      {
        filePath: 'src/renderer/app/bad-import.ts',
      },
    );
    expect(result?.messages.map((m) => m.ruleId)).toContain('layers/imports');
  });
});
