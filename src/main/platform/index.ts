export { resolveDataDir } from './data-dir';
export { APP_VERSION } from './version';
