// Reads the extension's own sources and manifest as text, for checks that need no VS Code.
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '../../../..');

export function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(REPO, relative), 'utf8')) as T;
}

export function sourceFiles(dir: string): string[] {
  const full = path.join(REPO, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Command ids registered in code: `registerCommand('id', …)` or an entry `{ id: 'azureBackup.…', … }` of a command table. */
export function registeredCommandIds(): Set<string> {
  const ids = new Set<string>();
  const patterns = [/registerCommand\(\s*['"]([\w.]+)['"]/g, /\bid:\s*['"](azureBackup\.[\w.]+)['"]/g];
  for (const file of [...sourceFiles('src/commands'), 'src/extension.ts']) {
    const text = fs.readFileSync(path.join(REPO, file), 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) ids.add(m[1]);
  }
  return ids;
}

/** Every `%key%` placeholder anywhere in the manifest. */
export function manifestNlsKeys(manifest: unknown): Set<string> {
  const keys = new Set<string>();
  for (const m of JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)) keys.add(m[1]);
  return keys;
}
