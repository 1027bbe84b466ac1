// Journey (2): create a vault from the palette → storage replication LRS in its form → enable backup from the
// vault for two VMs (multi-select) → both items appear. On the way: the name's live availability check, a draft
// that survives hiding the form, each form showing its outcome after success with no way to send it again, and an
// ARM error shown inline with its code and request id. With AZB_UPDATE_SCREENSHOTS=1 it renews the README's pictures
// of a form and of the tree (media/screenshots).
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { expandTreeRow, quickPickRow, runPaletteCommand } from '../workbench';
import {
  assertFormSettled,
  assertNoCspViolations,
  chooseOption,
  clearHovers,
  formError,
  formResult,
  journeyWorkbench,
  openForm,
  openSandboxTree,
  renewReadmeScreenshot,
  runFromContextMenu,
  submitDisabled,
  submitForm,
  switchTab,
  typeInto,
  waitForRow,
} from './helpers';

const VAULT = 'journey-vault';
const PENDING = 'Warning (initial backup pending)';

async function radioChecked(frame: Frame, value: string): Promise<boolean> {
  return frame.locator(`vscode-radio[value=${value}]`).evaluate((r) => (r as unknown as { checked: boolean }).checked);
}

describe('Journey 2: create a vault, set LRS, enable backup for two VMs (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-2-create-vault-storage-enable' });

  it('creates journey-vault, makes it locally redundant and protects web-vm-02 and app-linux-01', async () => {
    const s = session();
    const { page } = s;
    await openSandboxTree(page);
    await expandTreeRow(page, 'Recovery Services vaults');

    // Create the vault from the command palette (the subscription picker shows only when there is a choice).
    await runPaletteCommand(page, 'Azure Backup: Create Vault…');
    const pick = quickPickRow(page, 'Sandbox Subscription');
    const create = await Promise.race([
      openForm(page, 'Create a Recovery Services vault'),
      pick.waitFor({ timeout: 45000 }).then(async () => {
        await pick.click();
        return openForm(page, 'Create a Recovery Services vault');
      }),
    ]);
    await typeInto(create, 'vscode-textfield[name=name]', 'contoso-vault');
    await create
      .locator('vscode-form-helper.error', { hasText: 'Resource already exists with the same name.' })
      .waitFor();
    assert.ok(await submitDisabled(create), 'a taken name keeps submit disabled');
    await s.screenshot('create-name-taken');
    await typeInto(create, 'vscode-textfield[name=name]', VAULT);
    await create.locator('vscode-form-helper', { hasText: 'The name is available.' }).waitFor();
    await chooseOption(create, 'vscode-single-select[name=resourceGroup]', 'contoso-backup-rg');
    await chooseOption(create, 'vscode-single-select[name=region]', 'West Europe');
    await s.screenshot('create-filled');

    // Hide the form behind another editor and show it again: the webview is rebuilt from the saved draft.
    await runPaletteCommand(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled-1' }).waitFor();
    await switchTab(page, 'Create a Recovery Services vault');
    const restored = await openForm(page, 'Create a Recovery Services vault');
    assert.strictEqual(
      await restored.locator('vscode-textfield[name=name] input').inputValue(),
      VAULT,
      'the draft name survived hide/show',
    );
    await restored.locator('vscode-form-helper', { hasText: 'The name is available.' }).waitFor();
    await s.screenshot('create-draft-restored');
    await submitForm(restored);
    assert.match(await formResult(restored), new RegExp(`Vault ${VAULT} created in West Europe\\.`));
    await assertFormSettled(restored);
    await waitForRow(page, VAULT, /^West Europe · Geo-redundant$/);
    await s.screenshot('vault-created');

    // Storage replication: locally redundant; cross-region restore is for geo-redundant storage only.
    await runFromContextMenu(page, VAULT, 'Storage Replication…');
    const storage = await openForm(page, `Storage replication: ${VAULT}`);
    assert.ok(await radioChecked(storage, 'GeoRedundant'));
    await storage.locator('vscode-radio[value=LocallyRedundant]').click();
    await storage.waitForFunction("document.querySelector('#crossRegionRestore')?.hasAttribute('disabled')");
    await s.screenshot('storage-lrs');
    await submitForm(storage);
    assert.match(await formResult(storage), new RegExp(`Storage replication of ${VAULT} saved\\.`));
    await assertFormSettled(storage);
    await waitForRow(page, VAULT, /^West Europe · Locally redundant$/);
    await s.screenshot('storage-saved');
    // Opened again before the vault protects anything, the storage form is a new one (used again at the end).
    await runFromContextMenu(page, VAULT, 'Storage Replication…');
    await page.waitForTimeout(500);
    const again = await openForm(page, `Storage replication: ${VAULT}`);
    assert.ok(await again.locator('vscode-button#submit').isVisible(), 'a new form to fill in');
    assert.ok(await radioChecked(again, 'LocallyRedundant'));

    // Enable backup from the vault: VMs of another region or already protected are shown disabled, with the reason.
    await runFromContextMenu(page, VAULT, 'Enable Backup for Virtual Machines…');
    const enable = await openForm(page, `Enable backup: ${VAULT}`);
    const vmRow = (name: string) => enable.locator(`.vm:has(vscode-checkbox[label="${name}"])`);
    assert.match(await vmRow('sql-vm-01').innerText(), /In another region than the vault/);
    assert.match(await vmRow('web-vm-01').innerText(), /Already protected/);
    assert.notStrictEqual(await vmRow('web-vm-01').locator('vscode-checkbox').getAttribute('disabled'), null);
    assert.ok(await submitDisabled(enable), 'nothing chosen yet');
    await enable.locator('vscode-checkbox[label="web-vm-02"]').click();
    await enable.locator('vscode-checkbox[label="app-linux-01"]').click();
    await s.screenshot('enable-two-vms');
    await renewReadmeScreenshot(page, '.part.editor', 'form.png', { width: 720, height: 500 });
    await submitForm(enable);
    assert.match(await formResult(enable), /Configuring backup for 2 virtual machines…\s+View the job/);
    await assertFormSettled(enable);
    await s.screenshot('enable-result');

    await clearHovers(page);
    await expandTreeRow(page, VAULT);
    await expandTreeRow(page, 'Backup items');
    assert.strictEqual(await waitForRow(page, 'web-vm-02', new RegExp(PENDING.replace(/[()]/g, '\\$&'))), PENDING);
    assert.strictEqual(await waitForRow(page, 'app-linux-01', new RegExp(PENDING.replace(/[()]/g, '\\$&'))), PENDING);
    await s.screenshot('items-pending');

    // Back to the second storage form, opened before the vault protected anything: it still offers LRS, and the
    // service now refuses a change; the form says why, with the ARM code and the request id.
    await switchTab(page, `Storage replication: ${VAULT}`);
    const stale = await openForm(page, `Storage replication: ${VAULT}`);
    assert.ok(await radioChecked(stale, 'LocallyRedundant'), 'the storage form survived hide/show');
    await stale.locator('vscode-radio[value=ZoneRedundant]').click();
    await submitForm(stale);
    const error = await formError(stale);
    assert.match(error, /Storage Redundancy option is locked/);
    assert.match(error, /Code: StorageModelModifyError/);
    assert.match(error, /Request id: [0-9a-f-]{36}/);
    await s.screenshot('storage-locked-error');
    assertNoCspViolations(s);
    await renewReadmeScreenshot(page, '.part.sidebar', 'tree.png', { height: 280, widen: 220 });
  });
});
