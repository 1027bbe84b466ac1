// Shipped size: each esbuild output of a production build (made in a temp folder, so dist/ is untouched) and
// the .vsix if one was packaged.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './repo';

export interface BundleReport {
  /** Production (minified) bytes per output file, from `node esbuild.mjs --production`. */
  files: Record<string, number>;
  /** What the extension host loads: extension.js at activation + core.js (SDKs, Azure layer, sandbox) on first use. */
  extensionHostBytes: number;
  vsix: { bytes: number | null; note?: string };
}

const VSIX = 'azure-backup.vsix';

export function measureBundles(): BundleReport {
  // esbuild.mjs writes to ./dist relative to the working directory: run it in a temp folder that links to src.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azb-bench-build-'));
  try {
    for (const link of ['src', 'node_modules', 'package.json', 'tsconfig.json']) fs.symlinkSync(path.join(REPO, link), path.join(dir, link));
    const build = spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs'), '--production'], { cwd: dir, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`production build failed: ${build.stderr || build.stdout}`);
    const files: Record<string, number> = {};
    for (const name of fs.readdirSync(path.join(dir, 'dist')).sort()) {
      if (!name.endsWith('.map')) files[name] = fs.statSync(path.join(dir, 'dist', name)).size;
    }
    return { files, extensionHostBytes: (files['extension.js'] ?? 0) + (files['core.js'] ?? 0), vsix: vsixSize() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function vsixSize(): BundleReport['vsix'] {
  const file = path.join(REPO, VSIX);
  return fs.existsSync(file)
    ? { bytes: fs.statSync(file).size }
    : { bytes: null, note: `${VSIX} not found: run \`npm run package\` before the bench to measure it` };
}
