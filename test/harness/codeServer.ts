// Starts an isolated code-server (VS Code 1.100.3 workbench + a Node extension host) on 127.0.0.1, port 0.
// Every run gets fresh HOME/XDG/TMPDIR, user-data and extensions folders, so nothing leaks between runs.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { installLanguagePack } from './languagePack';

/** The repository root, from out/test/harness. */
export const REPO = path.resolve(__dirname, '../../..');
export const EXTENSION_ID = 'azbackup.azure-backup';

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'window.confirmBeforeClose': 'never',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Installs code-server on first use (scripts/setup-code-server.sh) and returns its binary. */
export function codeServerBinary(): string {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  const out = execFileSync('bash', [path.join(REPO, 'scripts/setup-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop() ?? '';
}

export function makeRunDir(kind: string): string {
  const root = path.join(REPO, 'test-output');
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, `${kind}-`));
}

export interface CodeServerOptions {
  runDir: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Install the extension by linking the repository into the extensions folder (UI tests, npm start). */
  linkExtension?: boolean;
  /** Display language, e.g. 'nl': installs test/fixtures/language-pack-<language> so that it takes effect offline. */
  locale?: string;
  /** 0 (default) lets the system choose. */
  port?: number;
  timeoutMs?: number;
  /** A command prefix code-server runs under (the network suite's private mount namespace). */
  wrap?: string[];
}

export interface RunningCodeServer {
  url: string;
  pid: number;
  logFile: string;
  dirs: { userData: string; extensions: string; home: string; tmp: string; workspace: string };
  stop(): Promise<void>;
}

export async function startCodeServer(o: CodeServerOptions): Promise<RunningCodeServer> {
  const bin = codeServerBinary();
  const { runDir } = o;
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    home: path.join(runDir, 'home'),
    tmp: path.join(runDir, 'tmp'),
    workspace: path.join(runDir, 'workspace'),
  };
  for (const d of [path.join(dirs.userData, 'User'), dirs.extensions, dirs.home, dirs.tmp, dirs.workspace])
    fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...o.settings }, null, 2),
  );
  if (o.linkExtension) {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    const link = path.join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(REPO, link);
  }
  // `--locale` alone leaves VS Code in English unless a language pack for it is installed.
  if (o.locale) installLanguagePack(o.locale, dirs);
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${o.port ?? 0}\nauth: none\ncert: false\n`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...o.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const logFile = path.join(runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [
    '--config',
    config,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--disable-proxy',
    ...(o.locale ? ['--locale', o.locale] : []),
  ];
  const [command, ...prefix] = o.wrap ?? [];
  const proc: ChildProcess = command
    ? spawn(command, [...prefix, bin, ...args], { env, stdio: ['ignore', log, log], detached: true })
    : spawn(bin, args, { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const url = await waitForListening(proc, logFile, o.timeoutMs ?? 60000);
  return {
    url,
    dirs,
    logFile,
    pid: proc.pid ?? 0,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<boolean>((r) => proc.once('exit', () => r(true)));
      try {
        process.kill(-(proc.pid ?? 0), 'SIGTERM');
      } catch {
        /* already gone */
      }
      let timer: NodeJS.Timeout | undefined;
      const dead = await Promise.race([
        exited,
        new Promise<boolean>((r) => {
          timer = setTimeout(() => r(false), 5000);
        }),
      ]);
      clearTimeout(timer);
      if (!dead)
        try {
          process.kill(-(proc.pid ?? 0), 'SIGKILL');
        } catch {
          /* already gone */
        }
    },
  };
}

function waitForListening(proc: ChildProcess, logFile: string, timeoutMs: number): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => {
      clearInterval(timer);
      reject(new Error(`code-server exited (${code}); see ${logFile}`));
    };
    const timer = setInterval(() => {
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(fs.readFileSync(logFile, 'utf8'));
      if (m) {
        clearInterval(timer);
        proc.off('exit', onExit);
        resolve(m[1]);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        proc.off('exit', onExit);
        reject(new Error(`code-server did not start; see ${logFile}`));
      }
    }, 100);
    proc.once('exit', onExit);
  });
}
