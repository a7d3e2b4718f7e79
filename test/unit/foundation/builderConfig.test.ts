// electron-builder.yml validates against electron-builder's own schema (offline) with the settings packaging needs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempDb';

const ROOT = join(__dirname, '../../..');
const check = (cwd: string) =>
  execFileSync(process.execPath, [join(ROOT, 'scripts/check-builder-config.mjs')], {
    cwd,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();

describe('electron-builder configuration', () => {
  it('validates: Windows nsis x64, macOS dmg + zip x64/arm64, better-sqlite3 unpacked, npmRebuild false', () => {
    expect(check(ROOT)).toMatch(/valid: win nsis:x64, mac dmg:x64\+arm64,zip:x64\+arm64, npmRebuild false, asarUnpack node_modules\/better-sqlite3/);
  });

  it('flips the Electron fuses of packaged builds: no RunAsNode, NODE_OPTIONS or --inspect; the app only from a verified asar', () => {
    expect(check(ROOT)).toMatch(
      /fuses runAsNode false, enableNodeOptionsEnvironmentVariable false, enableNodeCliInspectArguments false, onlyLoadAppFromAsar true, enableEmbeddedAsarIntegrityValidation true/,
    );
    const tmp = tempDir();
    /** The problems the check reports for a changed config (it exits non-zero). */
    const problemsWith = (yml: string): string => {
      writeFileSync(join(tmp.dir, 'electron-builder.yml'), yml);
      try {
        check(tmp.dir);
      } catch (err) {
        return String((err as { stderr?: Buffer }).stderr);
      }
      return 'accepted';
    };
    try {
      const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
      const required = [
        ['runAsNode', 'false'],
        ['enableNodeOptionsEnvironmentVariable', 'false'],
        ['enableNodeCliInspectArguments', 'false'],
        ['onlyLoadAppFromAsar', 'true'],
        ['enableEmbeddedAsarIntegrityValidation', 'true'],
      ];
      let flipped = yml;
      let omitted = yml;
      for (const [fuse, value] of required) {
        expect(yml).toContain(`\n  ${fuse}: ${value}\n`);
        flipped = flipped.replace(`${fuse}: ${value}`, `${fuse}: ${value === 'true' ? 'false' : 'true'}`);
        omitted = omitted.replace(`\n  ${fuse}: ${value}\n`, '\n');
      }
      const whenFlipped = problemsWith(`${flipped}\ndisableAsarIntegrity: true\n`);
      const whenOmitted = problemsWith(omitted);
      for (const [fuse, value] of required) {
        expect(whenFlipped).toContain(`electronFuses.${fuse} must be ${value}`);
        expect(whenOmitted).toContain(`electronFuses.${fuse} must be ${value}`);
      }
      expect(whenFlipped).toContain('disableAsarIntegrity must not be set');
      // A fuse name electron-builder does not know is a schema error, not a silently ignored setting.
      expect(problemsWith(yml.replace('runAsNode: false', 'runAsNode: false\n  runAsNodeTypo: false'))).toMatch(
        /does not match the API schema[^]*configuration\.electronFuses/,
      );
    } finally {
      tmp.cleanup();
    }
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
