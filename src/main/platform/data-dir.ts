import os from 'node:os';
import path from 'node:path';

/**
 * Where user data lives when no --data-dir is given: DBT_COACH_DATA_DIR, else the OS
 * application-data folder (the same place Electron's app.getPath('userData') uses).
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.DBT_COACH_DATA_DIR) return path.resolve(env.DBT_COACH_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'DBT Coach');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'DBT Coach');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'dbt-coach');
  }
}
