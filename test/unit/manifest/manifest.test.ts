import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, manifestNlsKeys, readJson, registeredCommandIds } from './sourceScan';

interface Manifest {
  activationEvents: string[];
  engines: { vscode: string };
  contributes: { commands: { command: string; title: string; category?: string }[] };
}

const manifest = readJson<Manifest>('package.json');

describe('Manifest and code agree', () => {
  const declared = manifest.contributes.commands.map((c) => c.command).sort();

  it('registers in code every command the manifest declares', () => {
    const registered = registeredCommandIds();
    assert.deepStrictEqual(
      declared.filter((c) => !registered.has(c)),
      [],
    );
  });

  it('declares in the manifest every command registered in code', () => {
    const registered = [...registeredCommandIds()].sort();
    assert.deepStrictEqual(
      registered.filter((c) => !declared.includes(c)),
      [],
    );
  });

  it('activates only by its views and commands (no "*", no onStartupFinished)', () => {
    const eager = manifest.activationEvents.filter((e) => e === '*' || e === 'onStartupFinished');
    assert.deepStrictEqual(eager, []);
  });

  it('targets the VS Code that code-server 4.100.3 ships', () => {
    assert.strictEqual(manifest.engines.vscode, '^1.100.0');
  });
});

describe('Localization bundles are complete', () => {
  const english = readJson<Record<string, string>>('package.nls.json');
  const dutch = readJson<Record<string, string>>('package.nls.nl.json');

  it('has an English and a Dutch entry for every %key% of package.json', () => {
    const keys = [...manifestNlsKeys(manifest)];
    assert.ok(keys.length > 5, 'the manifest should use %key% placeholders');
    assert.deepStrictEqual(
      keys.filter((k) => !(k in english)),
      [],
      'missing in package.nls.json',
    );
    assert.deepStrictEqual(
      keys.filter((k) => !(k in dutch)),
      [],
      'missing in package.nls.nl.json',
    );
  });

  it('has no Dutch manifest entry left empty or without an English original', () => {
    assert.deepStrictEqual(
      Object.keys(dutch).filter((k) => !(k in english) || !dutch[k].trim()),
      [],
    );
  });

  it('translates every runtime string of the English l10n bundle into Dutch', () => {
    const enFile = path.join(REPO, 'l10n/bundle.l10n.json');
    const nlFile = path.join(REPO, 'l10n/bundle.l10n.nl.json');
    assert.ok(
      fs.existsSync(enFile) && fs.existsSync(nlFile),
      'l10n/bundle.l10n.json and bundle.l10n.nl.json must exist',
    );
    const en = JSON.parse(fs.readFileSync(enFile, 'utf8')) as Record<string, unknown>;
    const nl = JSON.parse(fs.readFileSync(nlFile, 'utf8')) as Record<string, unknown>;
    assert.deepStrictEqual(
      Object.keys(en).filter((k) => !(k in nl)),
      [],
    );
  });
});
