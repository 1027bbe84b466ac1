// Hostile resource names on the real workbench: the sandbox's data file is seeded with VMs named like markup,
// script, quotes, a right-to-left override, Markdown/icon syntax and 200 characters (in a resource group with
// markup in its name); the tree, its tooltip, the forms and the coverage page must show them as text. Asserts
// that no injected element exists in any frame, that no dialog appeared, and that the raw text is visible.
import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { isolateBidi } from '../../src/presentation/escape';
import { HOSTILE_LINK_NAMES, HOSTILE_RG, HOSTILE_VM_NAMES } from '../host/security/hostileNames';
import {
  assertNoCspViolations,
  chooseOption,
  clearHovers,
  formResult,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  submitForm,
} from './journeys/helpers';
import { seedSandbox } from './seedSandbox';
import { useWorkbench } from './session';
import { expandTreeRow, notification, runPaletteCommand, treeRow, webviewFrame } from './workbench';

async function seedHostileSandbox(userDataDir: string): Promise<void> {
  await seedSandbox(userDataDir, (sandbox) => {
    for (const name of [...HOSTILE_VM_NAMES, ...HOSTILE_LINK_NAMES])
      sandbox.control.addVm({ resourceGroup: HOSTILE_RG, name, location: 'westeurope' });
  });
}

/** No element that only an injection could have made, in the page or any (webview) frame. */
async function assertNothingInjected(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const counts = await Promise.all(
      [
        frame.locator('img[src="x"], svg[onload], [onerror], [onload]').count(),
        frame.locator('script', { hasText: 'alert(' }).count(),
        // The payloads' own tags (<b>bold</b>-like, <i>rg</i>-like): only an injection would make these.
        frame
          .locator('b, i')
          .filter({ hasText: /^(bold|rg)$/ })
          .count(),
      ].map((p) => p.catch(() => 0)),
    );
    assert.deepStrictEqual(counts, [0, 0, 0], `injected elements in frame ${frame.url().slice(0, 80)}`);
  }
}

describe('Hostile names on the workbench (UI)', function () {
  const workbench = useWorkbench({
    name: 'hostile',
    beforeStart: seedHostileSandbox,
    settings: { 'azureBackup.sandbox.speed': 20 },
  });
  const dialogs: string[] = [];

  before(() => {
    workbench().page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  });
  /** How every test ends: a screenshot, then nothing injected in any frame and no dialog. */
  const assertShownAsText = async (shot: string): Promise<void> => {
    await workbench().screenshot(shot);
    await assertNothingInjected(workbench().page);
    assert.deepStrictEqual(dialogs, []);
  };

  it('the tree shows every name as text, tooltip included', async () => {
    const { page } = workbench();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Virtual machines');
    for (const name of HOSTILE_VM_NAMES) {
      // A name with a right-to-left override is isolated (U+2068 … U+2069) so the rest of its row reads right.
      const row = treeRow(page, isolateBidi(name)).first();
      await row.waitFor({ timeout: 60000 });
      assert.strictEqual((await row.locator('.label-name').textContent())?.trim(), isolateBidi(name));
    }
    await row0Hover(page);
    await assertShownAsText('tree');
  });

  it('a QuickPick of VMs shows the names as text, icon syntax included', async () => {
    const { page } = workbench();
    await clearHovers(page);
    await runPaletteCommand(page, 'Enable Backup…');
    const list = page.locator('.quick-input-widget .quick-input-list');
    for (const name of HOSTILE_VM_NAMES.slice(0, 5)) {
      await list.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
    }
    assert.strictEqual(await list.locator('.codicon-alert').count(), 0, '$(alert) in a name is not an icon');
    assert.deepStrictEqual(
      await list.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      [],
      'link syntax in a name is not a link',
    );
    await assertShownAsText('quickpick');
    await page.keyboard.press('Escape');
  });

  it('the enable-backup forms (from the VM and from the vault) show the names as text', async () => {
    const { page } = workbench();
    const vm = HOSTILE_VM_NAMES[0] ?? '';
    await runFromContextMenu(page, vm, 'Enable Backup…');
    const form = await openForm(page, `Enable backup: ${vm}`);
    assert.ok((await form.locator('body').innerText()).includes(vm), 'the VM name is visible in the form');
    await workbench().screenshot('form-vm');

    await expandTreeRow(page, 'Recovery Services vaults');
    await runFromContextMenu(page, 'contoso-vault', 'Enable Backup for Virtual Machines…');
    const many = await openForm(page, 'Enable backup: contoso-vault');
    for (const name of HOSTILE_VM_NAMES)
      await many.getByText(name, { exact: true }).first().waitFor({ timeout: 30000 });
    await assertShownAsText('form-vault');
  });

  it('a notification quoting a name makes no link of it', async () => {
    const { page } = workbench();
    await clearHovers(page);
    await expandTreeRow(page, 'Virtual machines');
    for (const name of HOSTILE_LINK_NAMES) {
      // Open in Portal on a sandbox VM: "The Azure portal cannot show <name>: …" quotes the name.
      await runPaletteCommand(page, 'Notifications: Clear All Notifications');
      await runFromContextMenu(page, name, 'Open in Portal');
      const message = notification(page, 'The Azure portal cannot show');
      await message.waitFor({ timeout: 30000 });
      const links = await message
        .locator('a')
        .evaluateAll((as) => as.map((a) => `${a.textContent ?? ''} -> ${a.getAttribute('href') ?? ''}`));
      assert.deepStrictEqual(links, [], `no link made from ${JSON.stringify(name)}`);
      // The name reads as it is (an invisible word joiner aside).
      assert.ok(((await message.textContent()) ?? '').replace(/\u2060/g, '').includes(name), 'the whole name is shown');
    }
    await assertShownAsText('notifications');
  });

  it('a progress notification quoting a name makes no link of it', async () => {
    const { page } = workbench();
    const name = HOSTILE_LINK_NAMES[0] ?? '';
    // The enable runs about a second at this sandbox speed: record every notification drawn rather than poll for it.
    await recordNotifications(page);
    await clearHovers(page);
    await runFromContextMenu(page, name, 'Enable Backup…');
    const form = await openForm(page, `Enable backup: ${name}`);
    await chooseOption(form, 'vscode-single-select[name=vault]', 'contoso-vault');
    await submitForm(form);
    await formResult(form);
    await page.waitForFunction(
      "globalThis.azbSeenNotifications.some((n) => n.text.includes('Enabling backup for'))",
      undefined,
      { timeout: 30000 },
    );
    const progress = (await seenNotifications(page)).filter((n) => n.text.includes('Enabling backup for'));
    for (const n of progress) {
      assert.deepStrictEqual(n.links, [], `no link in "${n.text}"`);
      assert.ok(n.text.replace(/\u2060/g, '').includes(name), `the whole name is shown: ${n.text}`);
    }
    await assertShownAsText('progress');
  });

  it('the coverage page shows the names as text', async () => {
    const { page } = workbench();
    await clearHovers(page);
    await runPaletteCommand(page, 'Show Backup Coverage');
    const frame: Frame = await webviewFrame(page, 'Backup coverage', 45000);
    await frame.locator('table.vms tbody tr').first().waitFor({ timeout: 60000 });
    for (const name of HOSTILE_VM_NAMES)
      await frame.getByText(name, { exact: true }).first().waitFor({ timeout: 30000 });
    await assertShownAsText('coverage');
    assertNoCspViolations(workbench());
  });
});

interface SeenNotification {
  text: string;
  links: string[];
}

/**
 * From now on, every notification message the workbench draws (toasts, progress ones included, and the center) is
 * kept in the page with the links in it, however briefly it shows.
 */
async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = globalThis.azbSeenNotifications = [];
    const read = () => {
      for (const el of document.querySelectorAll('.notification-list-item-message')) {
        const text = el.textContent ?? '';
        const links = Array.from(el.querySelectorAll('a'), (a) => a.getAttribute('href') ?? '');
        if (!seen.some((s) => s.text === text && s.links.join('\\n') === links.join('\\n'))) seen.push({ text, links });
      }
    };
    new MutationObserver(read).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
}

async function seenNotifications(page: Page): Promise<SeenNotification[]> {
  return (await page.evaluate('globalThis.azbSeenNotifications')) as SeenNotification[];
}

/** Hovers the first hostile row so its Markdown tooltip renders (then checked for injections with the rest). */
async function row0Hover(page: Page): Promise<void> {
  await treeRow(page, HOSTILE_VM_NAMES[0] ?? '')
    .first()
    .hover();
  await page
    .locator('.monaco-hover:visible, .workbench-hover-container:visible')
    .first()
    .waitFor({ timeout: 10000 })
    .catch(() => undefined);
}
