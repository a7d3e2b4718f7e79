// `npm run plan` / `npm run demo`: run a command-line entry as compiled JavaScript (out/main/<entry>.js), building
// first only when the build is missing or older than any source file — never a TypeScript loader at run time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const [entry, ...args] = process.argv.slice(2);
const built = join('out', 'main', `${entry}.js`);

function newestSourceMs(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const inputs = ['electron.vite.config.ts', 'package.json'].map((f) => statSync(f).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newestSourceMs('src'), ...inputs)) {
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, [built, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
