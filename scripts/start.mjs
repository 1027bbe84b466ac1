#!/usr/bin/env node
// `npm start`: builds, then opens a VS Code with the extension loaded, on the sandbox by default.
// Desktop VS Code when `code` is on PATH (as a development extension), otherwise code-server on 127.0.0.1
// (installed on first use by scripts/setup-code-server.sh), printing the URL to open. The profile lives in
// .vscode-dev/ so the sandbox's data survives restarts; delete that folder to start over.
//   npm start [-- --port N] [-- --code-server] [-- --azure]   (--azure: start signed out instead of in the sandbox)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const settings = { 'azureBackup.startInSandbox': !flag('--azure') };
const profile = path.join(REPO, '.vscode-dev');

function mustRun(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

mustRun(process.execPath, ['esbuild.mjs']);
mustRun(path.join(REPO, 'node_modules/.bin/tsc'), ['-p', '.']);

const hasCode = !flag('--code-server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  const userData = path.join(profile, 'desktop-user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const file = path.join(userData, 'User', 'settings.json');
  const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  fs.writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
  console.log('[start] opening VS Code with the extension in development mode');
  spawn('code', ['--user-data-dir', userData, '--extensionDevelopmentPath', REPO, '--new-window'], {
    stdio: 'inherit',
    detached: true,
  }).unref();
} else {
  const { startCodeServer } = createRequire(import.meta.url)(path.join(REPO, 'out/test/harness/codeServer.js'));
  const runDir = path.join(profile, 'code-server');
  fs.mkdirSync(runDir, { recursive: true });
  for (const sub of ['extensions', 'tmp']) fs.rmSync(path.join(runDir, sub), { recursive: true, force: true });
  const server = await startCodeServer({ runDir, linkExtension: true, settings, port: Number(option('--port', '0')) });
  const url = `${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`;
  console.log(
    `\n  Azure Backup for VS Code is running in code-server (VS Code 1.100.3).\n  Open: ${url}\n  (the Azure Backup icon is in the activity bar; press Ctrl+C here to stop)\n`,
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}
