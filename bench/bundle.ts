// Shipped size: each esbuild output of a production build and the .vsix packaged from it, both made in a temp
// folder (dist/ and the repository stay untouched), so every run reports both numbers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './repo';

export interface BundleReport {
  /** Production (minified) bytes per output file, from `node esbuild.mjs --production`. */
  files: Record<string, number>;
  /** What the extension host loads when signed in to Azure: extension.js at activation + sdk-bundle.js (SDKs, Azure layer) on first use. */
  extensionHostBytes: number;
  /** Loaded on top of that only when the sandbox is opened. */
  sandboxBytes: number;
  vsix: { bytes: number | null; note?: string };
}

/** What `vsce package` reads besides dist/ (linked into the temp folder; .vscodeignore decides what ships). */
const PACKAGE_INPUTS = [
  'src',
  'node_modules',
  'package.json',
  'tsconfig.json',
  '.vscodeignore',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'media',
  'l10n',
  'package.nls.json',
  'package.nls.nl.json',
];

export function measureBundles(): BundleReport {
  // esbuild.mjs writes to ./dist relative to the working directory: run it in a temp folder that links to src.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azb-bench-build-'));
  try {
    for (const link of PACKAGE_INPUTS) {
      if (fs.existsSync(path.join(REPO, link))) fs.symlinkSync(path.join(REPO, link), path.join(dir, link));
    }
    const build = spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs'), '--production'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`production build failed: ${build.stderr || build.stdout}`);
    const files: Record<string, number> = {};
    for (const name of fs.readdirSync(path.join(dir, 'dist')).sort()) {
      if (!name.endsWith('.map')) files[name] = fs.statSync(path.join(dir, 'dist', name)).size;
    }
    return {
      files,
      extensionHostBytes: (files['extension.js'] ?? 0) + (files['sdk-bundle.js'] ?? 0),
      sandboxBytes: files['sandbox-bundle.js'] ?? 0,
      vsix: packageVsix(dir),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `vsce package` of the production build in `dir` (what `npm run package` does, into the temp folder). */
function packageVsix(dir: string): BundleReport['vsix'] {
  const out = path.join(dir, 'bench.vsix');
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out],
    { cwd: dir, encoding: 'utf8' },
  );
  if (run.status !== 0 || !fs.existsSync(out)) {
    return {
      bytes: null,
      note: `vsce package failed: ${(run.stderr || run.stdout || String(run.error)).trim().split('\n').slice(-3).join(' ')}`,
    };
  }
  return { bytes: fs.statSync(out).size };
}
