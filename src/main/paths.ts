// Where the planning store lives when no --db is given: the same folder Electron uses as `userData`
// (<appData>/Beverly Knits Planner), so the desktop app, the CLI and the web bridge share one database.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Beverly Knits Planner';

export function appDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

export function defaultDbPath(): string {
  return join(appDataDir(), PRODUCT_NAME, 'planner.db');
}
