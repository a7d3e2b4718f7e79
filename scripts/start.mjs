// `npm start`: build, then open the desktop app. Where the Electron binary is not installed (offline machines,
// CI), say so and serve the same app through the web bridge on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  // In a child process with a time limit: resolving `electron` may try to download the binary.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 60_000,
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
