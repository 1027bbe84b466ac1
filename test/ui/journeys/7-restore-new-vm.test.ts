// Journey (7): Backup now → the recovery point appears under the expanded item → Restore… as a new VM (the name's rule at
// and past its bounds, a taken name) → the Restore job completes → Show VM selects the new VM under Virtual
// machines, not protected → Enable backup is offered.
import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { expandTreeRow, notification, treeRow } from '../workbench';
import {
  assertNoCspViolations,
  clearHovers,
  formResult,
  journeyWorkbench,
  messageNextTo,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  runFromRowMenu,
  submitDisabled,
  submitForm,
  typeInto,
} from './helpers';

/** Rows of recovery points (their description starts with the consistency). */
function pointRows(page: Page) {
  return page
    .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
    .filter({ has: page.locator('.label-description', { hasText: /consistent · / }) });
}

/** A button of the notification toast that shows `text`. */
function toastButton(page: Page, text: string, button: string) {
  return page
    .locator('.notifications-toasts .notification-list-item', { hasText: text })
    .first()
    .locator('.monaco-button', { hasText: button })
    .first();
}

/** The VM-name field's helper once it reads `expected` (an error or the availability). */
async function nameHelp(form: Frame, expected: string, error: boolean): Promise<void> {
  if (error) {
    await messageNextTo(form, 'vscode-textfield[name=vmName]', expected);
    return;
  }
  await form.locator('vscode-form-helper:not(.error)', { hasText: expected }).waitFor({ timeout: 30000 });
}

describe('Journey 7: restore a recovery point as a new VM (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-7-restore-new-vm' });

  it('backs up web-vm-01, restores the new point as a new VM, shows the VM unprotected with Enable backup offered', async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Recovery Services vaults');
    await expandTreeRow(page, 'contoso-vault');
    await expandTreeRow(page, 'Backup items');
    // The sandbox's story gives web-vm-01 three daily recovery points and an older one in the archive tier.
    await expandTreeRow(page, 'web-vm-01');
    const before = 4;
    await pointRows(page)
      .nth(before - 1)
      .waitFor();
    assert.strictEqual(await pointRows(page).count(), before);
    assert.match(
      (await pointRows(page).last().locator('.label-description').textContent()) ?? '',
      /^Application consistent · Archive$/,
    );

    await runFromContextMenu(page, 'web-vm-01', 'Backup Now');
    const backup = await openForm(page, 'Backup now: web-vm-01');
    await clearHovers(page); // the row's tooltip may cover the form
    await submitForm(backup);
    assert.match(await formResult(backup), /Backup of web-vm-01 started\./);
    // When the job ends, the item left expanded lists the new point without a Refresh.
    await notification(page, 'Backup of web-vm-01 completed.').waitFor({ timeout: 90000 });
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline && (await pointRows(page).count()) <= before) await page.waitForTimeout(250);
    // (a scheduled backup on the sandbox's fast clock may add one more)
    assert.ok(
      (await pointRows(page).count()) > before,
      `the new recovery point is listed: ${await pointRows(page).count()} rows`,
    );
    await session().screenshot('recovery-point-appeared');

    await clearHovers(page);
    await runFromRowMenu(page, pointRows(page).first(), 'Restore…');
    const form = await openForm(page, 'Restore web-vm-01');
    assert.match(
      await form.locator('body').innerText(),
      /Create a new virtual machine[\s\S]*Restore disks[\s\S]*Replace existing disks/,
    );
    // The name's rule: a Windows VM takes at most 15 characters; no period or hyphen last; not taken in the group.
    await typeInto(form, 'vscode-textfield[name=vmName]', 'w'.repeat(16));
    await nameHelp(form, 'The name must be 1 to 15 characters long.', true);
    assert.ok(await submitDisabled(form));
    await typeInto(form, 'vscode-textfield[name=vmName]', 'restored-vm-0-');
    await nameHelp(form, 'The name cannot end with a period or a hyphen.', true);
    await typeInto(form, 'vscode-textfield[name=vmName]', 'web-vm-02');
    await nameHelp(form, 'A virtual machine of this name already exists in this resource group.', true);
    assert.ok(await submitDisabled(form));
    const vmName = `rst${Date.now() % 1_000_000_000_000}`.slice(0, 15);
    assert.strictEqual(vmName.length, 15);
    await typeInto(form, 'vscode-textfield[name=vmName]', vmName);
    await nameHelp(form, 'The name is available in this resource group.', false);
    await session().screenshot('restore-form');
    await clearHovers(page);
    await submitForm(form);
    assert.match(await formResult(form), /Restore of web-vm-01 started\./);

    const doneText = `Restore of web-vm-01 completed: the new virtual machine ${vmName} is in contoso-web-rg.`;
    await notification(page, doneText).waitFor({ timeout: 90000 });
    await session().screenshot('restore-completed');
    await toastButton(page, doneText, 'Show VM').click();
    const vmRow = treeRow(page, vmName).first();
    await vmRow.waitFor({ timeout: 30000 });
    await page.waitForFunction((el) => el?.getAttribute('aria-selected') === 'true', await vmRow.elementHandle(), {
      timeout: 30000,
    });
    assert.match((await vmRow.locator('.label-description').textContent()) ?? '', /^Not protected · West Europe$/);
    await toastButton(page, `${vmName} is not protected by Azure Backup yet.`, 'Enable backup').waitFor({
      timeout: 30000,
    });
    await session().screenshot('new-vm-shown');
    assertNoCspViolations(session());
  });
});
