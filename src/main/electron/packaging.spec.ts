import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The Electron binary cannot be downloaded here, so packaging is checked through its configuration:
 * electron-builder's own schema and validator, the fuses, the asar unpack list, and electron-builder's
 * own file matcher run over a fixture tree (a dry listing of what would be packed).
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  directories: { output: string; buildResources: string };
};
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

interface FileMatcherCtor {
  new (
    from: string,
    to: string,
    expand: (p: string) => string,
    patterns: string[],
  ): {
    createFilter(): (file: string, stat: Stats) => boolean;
  };
}
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as { FileMatcher: FileMatcherCtor };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

describe('electron-builder.yml', () => {
  it('matches electron-builder’s JSON schema (same Ajv options electron-builder uses)', () => {
    const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('passes electron-builder’s own configuration validator', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('catches a broken configuration (the check is not vacuous)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(broken, { isEnabled: false, add: () => undefined })).rejects.toThrow(
      /Invalid configuration/,
    );
    expect(new Ajv({ strict: false }).validate(schema, { ...config, asarUnpack: 42 })).toBe(false);
  });

  it('names the app and never auto-updates or publishes', () => {
    expect(config['productName']).toBe('DBT Coach');
    expect(config['appId']).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config['publish']).toBeNull();
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar and unpacks every native module', () => {
    expect(config['asar']).toBe(true);
    expect([...config.asarUnpack].sort()).toEqual(
      [
        '**/*.node',
        'node_modules/@node-llama-cpp/**/*',
        'node_modules/@node-rs/argon2*/**/*',
        'node_modules/better-sqlite3-multiple-ciphers/**/*',
        'node_modules/keytar/**/*',
        'node_modules/node-llama-cpp/**/*',
      ].sort(),
    );
  });

  it('builds AppImage + deb, nsis and dmg with icons from build/', () => {
    const targets = (os: string) => (config[os] as { target: string[] }).target;
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(config.directories.buildResources).toBe('build');
    const png = readFileSync(path.join(ROOT, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync(path.join(ROOT, 'build/icon.ico')).readUInt16LE(2)).toBe(1);
  });
});

describe('what would be packed (electron-builder’s file matcher over a fixture tree)', () => {
  const SHIPS = [
    'package.json',
    'dist/electron/main.js',
    'dist/preload/index.cjs',
    'dist/renderer/browser/index.html',
    'dist/renderer/browser/main-ABC.js',
  ];
  const NEVER_SHIPS = [
    'src/relay/server.ts',
    'src/main/electron/main.ts',
    'src/main/vault/vault.ts',
    'dist/electron/main.spec.js',
    'dist/renderer/browser/main-ABC.js.map',
    'dist/release/DBT Coach-0.1.0.AppImage',
    'tests/fixture.json',
    'e2e/welcome.spec.ts',
    'bench/shell.ts',
    'docs/electron.md',
    'models/README.md',
    'scripts/build-electron.mjs',
    'electron-builder.yml',
    'README.md',
    '.ci/run',
  ];
  let fixture: string;
  let wouldPack: (rel: string) => boolean;

  beforeAll(() => {
    fixture = mkdtempSync(path.join(tmpdir(), 'dbt-packaging-'));
    for (const rel of [...SHIPS, ...NEVER_SHIPS]) {
      mkdirSync(path.dirname(path.join(fixture, rel)), { recursive: true });
      writeFileSync(path.join(fixture, rel), 'x');
    }
    const filter = new FileMatcher(fixture, '/out/app', (p) => p, [...config.files]).createFilter();
    // A file is copied only if it and every folder above it pass the filter.
    wouldPack = (rel) => {
      const parts = rel.split('/');
      return parts.every((_, i) => {
        const abs = path.join(fixture, ...parts.slice(0, i + 1));
        return filter(abs, statSync(abs));
      });
    };
  });
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it.each(SHIPS)('ships %s', (rel) => expect(wouldPack(rel)).toBe(true));
  it.each(NEVER_SHIPS)('does not ship %s', (rel) => expect(wouldPack(rel)).toBe(false));

  it('excludes the relay, tests and specs explicitly, not just by omission', () => {
    for (const pattern of ['!src/relay/**/*', '!**/*.spec.*', '!tests/**/*', '!e2e/**/*', '!bench/**/*']) {
      expect(config.files).toContain(pattern);
    }
  });
});
