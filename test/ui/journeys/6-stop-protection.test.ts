// Journey (5): stop protection of a VM keeping its data → the VM node reads stopped (also after Refresh), its menu
// no longer offers Backup now or a second stop, Cancel job has nothing to offer, and the coverage page counts it
// as stopped, not protected.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { modalDialog, notification, paletteCommand, quickPickRow, treeRow, webviewFrame } from '../workbench';
import {
  assertNoCspViolations,
  clearHovers,
  journeyWorkbench,
  openSandboxTree,
  runFromContextMenu,
  waitForRow,
} from './helpers';
import { expandTreeRow } from '../workbench';

const VM = 'web-vm-01';
const STOPPED = /^Protection stopped in contoso-vault \(data retained\) · West Europe$/;

/** The enabled entries of a row's context menu; the menu is closed again. */
async function menuEntries(page: Page, label: string): Promise<string[]> {
  await clearHovers(page);
  await treeRow(page, label).first().click({ button: 'right' });
  const entries = page.locator('.context-view .monaco-menu .action-item:not(.disabled) .action-label');
  await entries.first().waitFor();
  const texts = (await entries.allTextContents()).map((t) => t.trim()).filter((t) => t.length > 0);
  await page.keyboard.press('Escape');
  return texts;
}

describe('Journey 6: stop protection, then the VM node, menus and coverage page show it stopped (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-5-stop-protection' });

  it('stops protection of web-vm-01 keeping its data; everything reads stopped, nothing offers a backup', async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Virtual machines');
    await waitForRow(page, VM, /^Protected by contoso-vault · West Europe$/);
    assert.ok((await menuEntries(page, VM)).includes('Backup Now'), 'a protected VM offers Backup Now');

    await runFromContextMenu(page, VM, 'Stop Protection (Retain Data)…');
    const dialog = modalDialog(page);
    await dialog.waitFor();
    await dialog.locator('.monaco-button', { hasText: 'Stop and retain data' }).first().click();
    await waitForRow(page, VM, STOPPED);
    await session().screenshot('vm-stopped');

    // The menu follows the state: no backup, no second stop; its data can still be deleted and its points listed.
    const entries = await menuEntries(page, VM);
    for (const absent of ['Backup Now', 'Stop Protection (Retain Data)…', 'Enable Backup…', 'Enable Backup'])
      assert.ok(!entries.includes(absent), `${absent} offered: ${entries.join(', ')}`);
    for (const present of ['Stop Protection (Delete Data)…', 'Show Recovery Points'])
      assert.ok(entries.includes(present), `${present} missing: ${entries.join(', ')}`);

    // Refresh reads the service again: still stopped.
    await page.locator('.part.sidebar .title-actions a.action-label[aria-label="Refresh"]').click();
    await waitForRow(page, VM, STOPPED);

    // Cancel job lists only jobs that can be cancelled: none runs now.
    await (await paletteCommand(page, 'Cancel Job')).click();
    await quickPickRow(page, 'contoso-vault').click();
    await notification(page, 'No job of this vault can be cancelled now.').waitFor({ timeout: 30000 });

    // The coverage page: its own state, not protected, no health; the Protected filter leaves it out.
    await page.locator('.part.sidebar .title-actions a.action-label[aria-label="Show Backup Coverage"]').click();
    const frame = await webviewFrame(page, 'Backup coverage', 45000);
    const row = frame.locator(`table.vms tbody tr[data-vm="${VM}"]`);
    await row.waitFor({ timeout: 60000 });
    assert.strictEqual((await row.locator('td.status').textContent())?.trim(), 'Protection stopped (data retained)');
    assert.strictEqual(
      (await row.locator('td').last().textContent())?.trim(),
      '',
      'no health for a VM whose backups stopped',
    );
    const west = frame.locator('#totals-region tbody tr', { has: frame.locator('th', { hasText: 'West Europe' }) });
    assert.strictEqual(await west.locator('td[data-count="protected"]').textContent(), '0');
    assert.strictEqual(await west.locator('td[data-count="stopped"]').textContent(), '1');
    await session().screenshot('coverage-stopped');
    await frame.locator('button.chip[data-status="protected"]').click();
    await row.waitFor({ state: 'detached' });
    await frame.locator('button.chip[data-status="stopped"]').click();
    await row.waitFor();
    assertNoCspViolations(session());
  });
});
