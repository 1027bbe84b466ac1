// The display language reaches the extension: the run's locale (AZB_HOST_LOCALE, English by default) is
// vscode.env.language, and for a non-English one VS Code loads our l10n bundle for it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'azbackup.azure-backup';
const locale = (process.env.AZB_HOST_LOCALE || 'en').toLowerCase();

describe('Display language', () => {
  it(`is '${locale}' in the extension host`, () => {
    assert.strictEqual(vscode.env.language, locale);
  });

  it('selects the l10n bundle of that language when the extension has one', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    // VS Code loads an extension's bundle when it activates it.
    await ext.activate();
    const bundle = path.join(ext.extensionPath, 'l10n', `bundle.l10n.${locale}.json`);
    if (locale.startsWith('en') || !fs.existsSync(bundle)) {
      // English is the default text in the code: VS Code loads no bundle for it.
      assert.strictEqual(vscode.l10n.uri, undefined);
      return;
    }
    // This file lies inside the extension's folder, so its `vscode` API is the extension's own.
    assert.strictEqual(vscode.l10n.uri?.fsPath, bundle);
    // vscode.l10n.t, as the extension calls it, returns the bundle's text (a key without placeholders).
    const entries = JSON.parse(fs.readFileSync(bundle, 'utf8')) as Record<string, string | { message: string }>;
    const key = Object.keys(entries).find((k) => !k.includes('{'));
    assert.ok(key, `${bundle} has no message without placeholders`);
    const entry = entries[key];
    assert.strictEqual(vscode.l10n.t(key), typeof entry === 'string' ? entry : entry.message);
  });
});
