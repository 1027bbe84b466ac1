// Journey 7: the protection lifecycle of web-vm-01 on the real workbench: stop protection deleting its data (the
// name typed to confirm) → the item stays "Soft deleted, purged on <date>" → Undelete → stopped with its data
// retained → Resume Protection… with its last policy offered first → Change Policy… with the current one marked.
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { expandTreeRow, notification, quickInput, treeRow } from '../workbench';
import {
  assertNoCspViolations,
  formResult,
  journeyWorkbench,
  openForm,
  openSandboxTree,
  runFromRowMenu,
  typeInto,
  waitForRow,
} from './helpers';

const VM = 'web-vm-01';
const VAULT = 'contoso-vault';

/** The row of the backup item (not the VM) once its description matches. */
async function itemRow(page: Page, description: RegExp): Promise<Locator> {
  await waitForRow(page, VM, description);
  return treeRow(page, VM)
    .filter({ has: page.locator('.label-description', { hasText: description }) })
    .first();
}

/** The QuickPick's rows as "label | description". */
async function pickRows(page: Page): Promise<string[]> {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  return await rows.evaluateAll((els) =>
    els.map((el) => {
      const label = el.querySelector('.label-name')?.textContent ?? '';
      const description = el.querySelector('.label-description')?.textContent ?? '';
      return `${label.trim()} | ${description.trim()}`;
    }),
  );
}

describe('Journey 7: stop with delete data → soft deleted → undelete → resume → change policy (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-7-lifecycle' });

  it('keeps web-vm-01 soft deleted with its purge date, undeletes it, resumes it and changes its policy', async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Virtual machines');
    await waitForRow(page, VM, new RegExp(`^Protected by ${VAULT} · West Europe$`));
    await expandTreeRow(page, 'Recovery Services vaults');
    await expandTreeRow(page, VAULT);
    await expandTreeRow(page, 'Backup items');

    // Stop protection, deleting the data: the name is typed to confirm.
    await runFromRowMenu(page, await itemRow(page, /^Healthy/), 'Stop Protection (Delete Data)…');
    await quickInput(page).waitFor({ state: 'visible' });
    await quickInput(page).fill(VM);
    await page.keyboard.press('Enter');
    const soft = await waitForRow(page, VM, /^Soft deleted, purged on /);
    const purgeDay = /^Soft deleted, purged on (\w{3} \d{1,2}, \d{4})$/.exec(soft)?.[1];
    assert.ok(purgeDay, soft);
    const days = Math.round((Date.parse(purgeDay) - Date.now()) / 86_400_000);
    assert.ok(days >= 12 && days <= 15, `purged the vault's 14 days after the delete: ${soft}`);
    await waitForRow(page, VM, new RegExp(`^Soft deleted in ${VAULT} · West Europe$`));
    await session().screenshot('soft-deleted');

    // Undelete: back to stopped with its data retained.
    await runFromRowMenu(page, await itemRow(page, /^Soft deleted, purged on /), 'Undelete');
    await notification(page, `The backup data of ${VM} is undeleted`).waitFor({ timeout: 60000 });
    await itemRow(page, /^Protection stopped \(data retained\)/);

    // Resume: a policy picked from the vault's VM policies, each by its schedule.
    await runFromRowMenu(page, await itemRow(page, /^Protection stopped \(data retained\)/), 'Resume Protection…');
    const resumeRows = await pickRows(page);
    assert.ok(
      resumeRows.some((r) => r.startsWith('DefaultPolicy | ')),
      resumeRows.join('; '),
    );
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'DefaultPolicy' })
      .first()
      .click();
    await notification(page, `Protection of ${VM} resumed with policy DefaultPolicy.`).waitFor({ timeout: 60000 });
    await waitForRow(page, VM, new RegExp(`^Protected by ${VAULT} · West Europe$`));

    // Change policy: the current one first and marked.
    await runFromRowMenu(page, treeRow(page, VM).first(), 'Change Policy…');
    const changeRows = await pickRows(page);
    assert.strictEqual(changeRows[0], 'DefaultPolicy | current policy', changeRows.join('; '));
    await session().screenshot('change-policy');
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'EnhancedPolicy' })
      .first()
      .click();
    // Then the disks to back up, the item's current choice marked.
    const allDisks = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'All disks' });
    await allDisks.first().waitFor({ timeout: 30000 });
    const diskRows = await pickRows(page);
    assert.ok(diskRows.includes('All disks | current'), diskRows.join('; '));
    await allDisks.first().click();
    await notification(page, `${VM} is now protected by policy EnhancedPolicy.`).waitFor({ timeout: 60000 });
    assertNoCspViolations(session());
  });

  it('saves the vault security settings; always on asks for the vault name, a retention out of range is said', async () => {
    const { page } = session();
    await runFromRowMenu(page, treeRow(page, VAULT).first(), 'Vault Security…');
    const form = await openForm(page, `Vault security: ${VAULT}`);
    const confirm = form.locator('vscode-textfield[name=confirmName]');
    await form.locator('vscode-button#submit:not([disabled])').waitFor();
    assert.strictEqual(await confirm.isVisible(), false, 'no name asked while nothing becomes always on');
    await form.locator('#softDelete vscode-radio[value=AlwaysOn]').click();
    await confirm.waitFor({ state: 'visible' });
    await form.locator('vscode-button#submit[disabled]').waitFor();
    await session().screenshot('vault-security-always-on');
    await form.locator('#softDelete vscode-radio[value=Enabled]').click();
    await confirm.waitFor({ state: 'hidden' });
    await typeInto(form, 'vscode-textfield[name=softDeleteRetentionDays]', '200');
    await form.locator('vscode-form-helper.error', { hasText: 'Enter a whole number from 14 to 180.' }).waitFor();
    await typeInto(form, 'vscode-textfield[name=softDeleteRetentionDays]', '21');
    await form.locator('vscode-button#submit:not([disabled])').click();
    assert.match(await formResult(form), new RegExp(`Security settings of ${VAULT} saved\\.`));
    assertNoCspViolations(session());
  });
});
