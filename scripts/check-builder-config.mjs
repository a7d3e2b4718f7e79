// Validates electron-builder.yml against electron-builder's own schema (offline; does not package anything),
// then checks the settings this project depends on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { load } = require('js-yaml');
const { DebugLogger } = require('builder-util');

const config = load(readFileSync('electron-builder.yml', 'utf8'));
await validateConfiguration(config, new DebugLogger(false));

const problems = [];
if (config.npmRebuild !== false) problems.push('npmRebuild must be false');
if (!config.asarUnpack?.some((p) => p.includes('better-sqlite3'))) problems.push('better-sqlite3 must be unpacked from asar');
const targets = (platform) => (config[platform]?.target ?? []).map((t) => `${t.target}:${(t.arch ?? []).join('+')}`);
if (!targets('win').includes('nsis:x64')) problems.push('Windows target must be nsis x64');
if (!targets('mac').includes('dmg:x64+arm64') || !targets('mac').includes('zip:x64+arm64'))
  problems.push('macOS targets must be dmg and zip for x64 and arm64');
// Packaged-build fuses (electron-builder flips them in the binary; the schema above checked the names).
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
};
for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
  if (config.electronFuses?.[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${value}`);
}
if (config.disableAsarIntegrity) problems.push('disableAsarIntegrity must not be set: the asar integrity fuse needs the hash');
if (problems.length) {
  console.error(`electron-builder.yml: ${problems.join('; ')}`);
  process.exit(1);
}
const fuses = Object.keys(REQUIRED_FUSES)
  .map((f) => `${f} ${config.electronFuses[f]}`)
  .join(', ');
console.log(
  `electron-builder.yml is valid: win ${targets('win')}, mac ${targets('mac')}, npmRebuild ${config.npmRebuild}, asarUnpack ${config.asarUnpack}, fuses ${fuses}`,
);
