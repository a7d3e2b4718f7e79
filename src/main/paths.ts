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

/**
 * What `npm start` (the desktop app or the web bridge) prints at start: where the database is and how to start
 * clean, since the demo dataset is written there on first start.
 */
export function databaseNotice(dbPath: string, options: { demoLoading: boolean; dbFlag: boolean }): string[] {
  return [
    `Database: ${dbPath}${options.demoLoading ? ' (empty: the demo dataset is being loaded into it)' : ''}`,
    `To start clean: quit, then delete ${dbPath} (with its -wal and -shm files)${options.dbFlag ? ', or start with --db <another file>' : ''}.`,
  ];
}
