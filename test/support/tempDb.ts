import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for a test database; call the returned cleanup in afterEach/afterAll. */
export function tempDir(prefix = 'bkp-test-'): { dir: string; dbPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dbPath: join(dir, 'planner.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
