import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * src/main/platform/version.ts reads ../../../package.json relative to its own file, which is not
 * where a bundled file lives (dist/cli, dist/electron, app.asar); bundles inline the version instead.
 * @param {string} root the repository root
 * @returns {import('esbuild').Plugin}
 */
export function inlineVersion(root) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    name: 'inline-version',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]main[\\/]platform[\\/]version\.ts$/ }, () => ({
        contents: `export const APP_VERSION: string = ${JSON.stringify(version)};`,
        loader: 'ts',
      }));
    },
  };
}
