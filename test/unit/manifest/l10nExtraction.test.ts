// `npm run l10n` (vscode-l10n-dev) reads l10n.t() calls only in files that import the vscode namespace; a file that
// calls a passed-in l10n without that import has its strings silently left out of the bundle, and so untranslated.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, sourceFiles } from './sourceScan';

const CALLS_L10N = /\bl10n\.t\(/;
const VSCODE_NAMESPACE = /^import (?:type )?\* as \w+ from 'vscode';$/m;
/** A single-quoted literal as the first argument (the form this codebase writes). */
const LITERAL_CALL = /\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;

const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const files = (): { file: string; text: string }[] =>
  sourceFiles('src')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file, text: withoutComments(fs.readFileSync(path.join(REPO, file), 'utf8')) }))
    .filter(({ text }) => CALLS_L10N.test(text));

describe('Runtime strings reach the l10n bundle', () => {
  it('every file calling l10n.t imports the vscode namespace, so the extractor reads it', () => {
    assert.deepEqual(
      files()
        .filter(({ text }) => !VSCODE_NAMESPACE.test(text))
        .map(({ file }) => file),
      [],
    );
  });

  it('every literal passed to l10n.t is a key of l10n/bundle.l10n.json (run npm run l10n)', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(REPO, 'l10n/bundle.l10n.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const missing = files().flatMap(({ file, text }) =>
      [...text.matchAll(LITERAL_CALL)]
        .map((m) => m[1].replace(/\\(.)/g, '$1'))
        .filter((key) => !(key in bundle))
        .map((key) => `${file}: ${key}`),
    );
    assert.deepEqual(missing, []);
  });
});
