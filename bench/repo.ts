// The repository root, from the compiled location (out/bench/*.js) or the source one (bench/*.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepo(dir: string): string {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'esbuild.mjs'))) return d;
  }
  throw new Error(`no repository above ${dir}`);
}

export const REPO = findRepo(__dirname);
