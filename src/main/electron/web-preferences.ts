import type { WebPreferences } from 'electron';

/**
 * The only webPreferences any window of ours gets. Each line closes a door the renderer must
 * never have: no Node, an isolated preload world, an OS-sandboxed renderer process, no <webview>,
 * and no spellchecker (Chromium stores custom dictionary words in plaintext on disk).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    spellcheck: false,
  };
}
