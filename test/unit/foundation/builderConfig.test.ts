// electron-builder.yml validates against electron-builder's own schema (offline) with the settings packaging needs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempDb';

const ROOT = join(__dirname, '../../..');
const check = (cwd: string) => execFileSync(process.execPath, [join(ROOT, 'scripts/check-builder-config.mjs')], { cwd, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

describe('electron-builder configuration', () => {
  it('validates: Windows nsis x64, macOS dmg + zip x64/arm64, better-sqlite3 unpacked, npmRebuild false', () => {
    expect(check(ROOT)).toMatch(/valid: win nsis:x64, mac dmg:x64\+arm64,zip:x64\+arm64, npmRebuild false, asarUnpack node_modules\/better-sqlite3/);
  });

  it('rejects an unknown key and a config that would rebuild native modules', () => {
    const tmp = tempDir();
    try {
      const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
      writeFileSync(join(tmp.dir, 'electron-builder.yml'), `${yml}\nbogusKey: 1\n`);
      expect(() => check(tmp.dir)).toThrow();
      writeFileSync(join(tmp.dir, 'electron-builder.yml'), yml.replace('npmRebuild: false', 'npmRebuild: true'));
      expect(() => check(tmp.dir)).toThrow();
      copyFileSync(join(ROOT, 'electron-builder.yml'), join(tmp.dir, 'electron-builder.yml'));
      expect(check(tmp.dir)).toContain('valid');
    } finally {
      tmp.cleanup();
    }
  });
});
