// `npm start`: build, then open the desktop app. Where the Electron binary is not installed (offline machines,
// CI), say so and serve the same app through the web bridge on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  // In a child process with a time limit: resolving `electron` downloads the binary on first use.
  console.log('Looking for the Electron binary (downloaded on first start where the internet is reachable)…');
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '' },
  });
  return probe.status === 0 && probe.stdout ? probe.stdout.trim() : undefined;
}

const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.', ...extraArgs], { stdio: 'inherit' })
  : (console.log(
      '\nThe Electron binary is not installed on this machine (it is downloaded from the internet, which is not reachable here).\n' +
        'Serving the same app through the web bridge instead — open the URL below in a browser.\n',
    ),
    spawn(process.execPath, ['out/main/bridge.js', ...extraArgs], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
