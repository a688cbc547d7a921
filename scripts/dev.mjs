// npm run dev: the renderer dev server, plus Electron pointed at it where Electron can start.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const DEV_URL = 'http://127.0.0.1:5173';
const vite = spawn('npx', ['vite'], { stdio: 'inherit' });

function electronBinary() {
  try {
    // The electron package exports the path of its downloaded binary.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log(`Electron is not installed on this machine; open ${DEV_URL} in a browser.`);
} else {
  const build = spawn('npm', ['run', '--silent', 'build:electron'], { stdio: 'inherit' });
  build.on('exit', (code) => {
    if (code !== 0) return;
    const app = spawn(binary, ['.'], {
      stdio: 'inherit',
      env: { ...process.env, TIZILIM_DEV_URL: DEV_URL },
    });
    app.on('exit', () => vite.kill());
  });
}
vite.on('exit', (code) => process.exit(code ?? 0));
