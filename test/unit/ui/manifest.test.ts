import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backupItemContextValue, ContextValue, vmContextValue } from '../../../src/tree/contextValues';

// The manifest, the command files and the string bundles must agree: a command declared but not registered
// (or the reverse), or an nls key missing in Dutch, is a bug users would meet.
const root = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
    submenus: { id: string; label: string }[];
  };
};

/** The viewItem tokens a when clause names: `viewItem == x` or the alternatives of `viewItem =~ /^(x|y)$/`. */
function tokensOf(when: string): string[] {
  const exact = [...when.matchAll(/viewItem == (\w+)/g)].map((m) => m[1]);
  const alternatives = [...when.matchAll(/viewItem =~ \/\^\(([^)]*)\)\$\//g)].flatMap((m) => m[1].split('|'));
  return [...exact, ...alternatives];
}

function registeredIds(): string[] {
  const dir = path.join(root, 'src/commands');
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^\s*id: '(azureBackup\.[A-Za-z.]+)'/gm)].map(
        (m) => m[1],
      ),
    );
}

describe('manifest', () => {
  it('declares exactly the registered commands', () => {
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), registeredIds().sort());
  });

  it('keeps activation implicit', () => {
    assert.deepEqual(pkg.activationEvents, []);
  });

  // Menus on Microsoft's Azure Resources views match that view's context values (';'-joined lists), not ours.
  const onOurViews = (when: string): boolean => !/view =~ \/\^\(azureResourceGroups/.test(when);

  it('matches context values with exact tokens or anchored regexes only', () => {
    const whens = Object.values(pkg.contributes.menus)
      .flat()
      .map((m) => m.when ?? '')
      .filter(onOurViews);
    for (const when of whens) {
      for (const m of when.matchAll(/viewItem =~ \/([^/]+)\//g)) assert.match(m[1], /^\^\(.*\)\$$/, when);
    }
  });

  it('names only context values the tree sets', () => {
    const known = new Set<string>(Object.values(ContextValue));
    for (const when of Object.values(pkg.contributes.menus)
      .flat()
      .map((m) => m.when ?? '')
      .filter(onOurViews)) {
      for (const token of tokensOf(when))
        assert.ok(known.has(token), `${token} in "${when}" is not in contextValues.ts`);
    }
  });

  it('offers each VM and backup item only the actions its protection state allows', () => {
    const offered = (command: string, token: string): boolean =>
      (pkg.contributes.menus['view/item/context'] ?? []).some(
        (m) => m.command === command && tokensOf(m.when ?? '').includes(token),
      );
    const active = ['Protected', 'InitialBackupPending', 'ProtectionError'] as const;
    const all = [...active, 'ProtectionStopped', 'SoftDeleted'] as const;
    for (const state of all) {
      for (const token of [vmContextValue(state), backupItemContextValue(state)]) {
        const isActive = (active as readonly string[]).includes(state);
        assert.equal(offered('azureBackup.backupNow', token), isActive, `Backup now on ${token}`);
        assert.equal(
          offered('azureBackup.stopProtectionRetain', token),
          isActive,
          `Stop protection (retain) on ${token}`,
        );
        assert.equal(
          offered('azureBackup.stopProtectionDelete', token),
          state !== 'SoftDeleted',
          `Stop protection (delete) on ${token}`,
        );
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

  it('puts the Azure Backup submenu on VM rows of the Azure Resources views only, with its commands hidden from the palette', () => {
    const entry = (pkg.contributes.menus['view/item/context'] ?? []).find(
      (m) => m.submenu === 'azureBackup.azureResources',
    );
    assert.ok(entry?.when, 'the submenu is contributed to view/item/context');
    assert.ok(pkg.contributes.submenus.some((s) => s.id === 'azureBackup.azureResources'));
    const view = /view =~ \/(.+?)\/ &&/.exec(entry.when)?.[1] ?? '';
    const item = /viewItem =~ \/(.+)\/(i?)$/.exec(entry.when);
    assert.ok(item, entry.when);
    const itemRe = new RegExp(item[1], item[2]);
    for (const v of ['azureResourceGroups', 'azureFocusView']) assert.match(v, new RegExp(view));
    for (const v of ['azureBackup.tree', 'azureResourceGroupsExtra']) assert.doesNotMatch(v, new RegExp(view));
    // Context values of rows as Azure Resources builds them (sorted, ';'-joined) with Azure Virtual Machines installed.
    assert.match('azureResource;hasPortalUrl;linuxVirtualMachine;microsoft.compute/virtualmachines', itemRe);
    assert.match('azureResource;windowsVirtualMachine', itemRe);
    for (const other of [
      'azureResource;microsoft.compute/virtualmachines',
      'azureResource;microsoft.compute/virtualmachinescalesets',
      'azureResourceTypeGroup;microsoft.compute/virtualmachines',
    ]) {
      assert.doesNotMatch(other, itemRe, other);
    }
    const ids = pkg.contributes.menus['azureBackup.azureResources'].map((m) => m.command ?? '');
    assert.deepEqual(ids, [
      'azureBackup.azureResources.backupStatus',
      'azureBackup.azureResources.enableBackup',
      'azureBackup.azureResources.backupNow',
      'azureBackup.azureResources.restore',
      'azureBackup.azureResources.showInView',
    ]);
    for (const id of ids)
      assert.ok(
        pkg.contributes.menus.commandPalette.some((m) => m.command === id && m.when === 'false'),
        `${id} hidden from the palette`,
      );
    assert.equal(
      (pkg as { extensionDependencies?: unknown }).extensionDependencies,
      undefined,
      'lights up when the Microsoft extensions are installed, needs none',
    );
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
    const en = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<
      string,
      string | { message: string }
    >;
    const nl = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.nl.json'), 'utf8')) as Record<
      string,
      string
    >;
    const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    assert.ok(Object.keys(en).length > 200, 'the English bundle is regenerated by npm run l10n');
    for (const key of Object.keys(en)) {
      assert.ok(typeof nl[key] === 'string' && nl[key].length > 0, `missing Dutch for "${key}"`);
      assert.deepEqual(placeholders(nl[key]), placeholders(key), key);
    }
  });
});
