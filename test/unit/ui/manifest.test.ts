import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backupItemContextValue, ContextValue, vmContextValue } from '../../../src/tree/contextValues';

// The manifest, the command files and the string bundles must agree: a command declared but not registered
// (or the reverse), or an nls key missing in Dutch, is a bug users would meet.
const root = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> };
};

/** The viewItem tokens a when clause names: `viewItem == x` or the alternatives of `viewItem =~ /^(x|y)$/`. */
function tokensOf(when: string): string[] {
  const exact = [...when.matchAll(/viewItem == (\w+)/g)].map((m) => m[1]);
  const alternatives = [...when.matchAll(/viewItem =~ \/\^\(([^)]*)\)\$\//g)].flatMap((m) => m[1].split('|'));
  return [...exact, ...alternatives];
}

function registeredIds(): string[] {
  const dir = path.join(root, 'src/commands');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^\s*id: '(azureBackup\.[A-Za-z]+)'/gm)].map((m) => m[1]));
}

describe('manifest', () => {
  it('declares exactly the registered commands', () => {
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), registeredIds().sort());
  });

  it('keeps activation implicit', () => {
    assert.deepEqual(pkg.activationEvents, []);
  });

  it('matches context values with exact tokens or anchored regexes only', () => {
    const whens = Object.values(pkg.contributes.menus).flat().map((m) => m.when ?? '');
    for (const when of whens) {
      for (const m of when.matchAll(/viewItem =~ \/([^/]+)\//g)) assert.match(m[1], /^\^\(.*\)\$$/, when);
    }
  });

  it('names only context values the tree sets', () => {
    const known = new Set<string>(Object.values(ContextValue));
    for (const when of Object.values(pkg.contributes.menus).flat().map((m) => m.when ?? '')) {
      for (const token of tokensOf(when)) assert.ok(known.has(token), `${token} in "${when}" is not in contextValues.ts`);
    }
  });

  it('offers each VM and backup item only the actions its protection state allows', () => {
    const offered = (command: string, token: string): boolean => (pkg.contributes.menus['view/item/context'] ?? [])
      .some((m) => m.command === command && tokensOf(m.when ?? '').includes(token));
    const active = ['Protected', 'InitialBackupPending', 'ProtectionError'] as const;
    const all = [...active, 'ProtectionStopped', 'SoftDeleted'] as const;
    for (const state of all) {
      for (const token of [vmContextValue(state), backupItemContextValue(state)]) {
        const isActive = (active as readonly string[]).includes(state);
        assert.equal(offered('azureBackup.backupNow', token), isActive, `Backup now on ${token}`);
        assert.equal(offered('azureBackup.stopProtectionRetain', token), isActive, `Stop protection (retain) on ${token}`);
        assert.equal(offered('azureBackup.stopProtectionDelete', token), state !== 'SoftDeleted', `Stop protection (delete) on ${token}`);
        assert.ok(offered('azureBackup.showRecoveryPoints', token), `Recovery points on ${token}`);
        assert.ok(offered('azureBackup.copyResourceId', token), `Copy resource id on ${token}`);
        assert.equal(offered('azureBackup.enableBackup', token), false, `Enable backup on ${token}`);
      }
    }
    for (const state of ['NotProtected', 'Unknown', undefined] as const) {
      assert.ok(offered('azureBackup.enableBackup', vmContextValue(state)));
      assert.equal(offered('azureBackup.backupNow', vmContextValue(state)), false);
    }
    assert.equal(new Set(all.map(vmContextValue)).size, all.length, 'one VM context value per state');
    assert.equal(new Set(all.map(backupItemContextValue)).size, all.length, 'one backup item context value per state');
  });

  it('has every nls key in English and Dutch', () => {
    const en = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nl = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.nl.json'), 'utf8')) as Record<string, string>;
    const used = [...JSON.stringify(pkg).matchAll(/%([\w.]+)%/g)].map((m) => m[1]);
    for (const key of used) {
      assert.ok(en[key], `missing English ${key}`);
      assert.ok(nl[key], `missing Dutch ${key}`);
    }
  });
});

describe('runtime string bundles', () => {
  it('translates every English string into Dutch with the same placeholders', () => {
    const en = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string | { message: string }>;
    const nl = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;
    const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    assert.ok(Object.keys(en).length > 200, 'the English bundle is regenerated by npm run l10n');
    for (const key of Object.keys(en)) {
      assert.ok(typeof nl[key] === 'string' && nl[key].length > 0, `missing Dutch for "${key}"`);
      assert.deepEqual(placeholders(nl[key]), placeholders(key), key);
    }
  });
});
