// Journey (5): the actions that can lose backup data say so and ask first. A new policy may not take the name of
// one the vault has (it would replace it); editing a policy in use names how many items it protects and warns when
// retention shrinks; stopping protection with deletion asks for the item's name; a form that succeeded cannot be
// sent again. What Azure holds is read from the sandbox's data file, not from the page.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expandTreeRow, modalDialog, quickInput, runPaletteCommand, treeRow } from '../workbench';
import {
  assertFormSettled,
  assertNoCspViolations,
  chooseOption,
  clearHovers,
  formResult,
  journeyWorkbench,
  messageNextTo,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  submitDisabled,
  submitForm,
  switchTab,
  typeInto,
} from './helpers';

interface SandboxFile {
  policies: { name: string; properties: Record<string, unknown> }[];
  items: { vmKey: string; protectionState: string }[];
}

describe('Journey 5: safe policy changes and stop protection (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-5-safe-actions' });
  const dataFile = (): string =>
    path.join(session().runDir, 'user-data', 'User', 'globalStorage', 'azbackup.azure-backup', 'sandbox.json');
  /** The sandbox's saved state, once its debounced write has landed. */
  const sandboxState = async (): Promise<SandboxFile> => {
    await session().page.waitForTimeout(1000);
    return JSON.parse(fs.readFileSync(dataFile(), 'utf8')) as SandboxFile;
  };
  const defaultPolicy = async (): Promise<string> =>
    JSON.stringify((await sandboxState()).policies.find((p) => p.name === 'DefaultPolicy')?.properties);
  const dailyDays = (properties: string): unknown =>
    (JSON.parse(properties) as { retentionPolicy: { dailySchedule: { retentionDuration: { count: number } } } })
      .retentionPolicy.dailySchedule.retentionDuration.count;
  const item = async (vm: string): Promise<{ protectionState: string } | undefined> =>
    (await sandboxState()).items.find((i) => i.vmKey.toLowerCase().endsWith(`/${vm}`));

  it('create policy with a taken name is refused and changes nothing', async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Recovery Services vaults');
    await treeRow(page, 'contoso-vault').first().waitFor();
    const before = await defaultPolicy();
    assert.strictEqual(dailyDays(before), 30);

    await runFromContextMenu(page, 'contoso-vault', 'Create Policy…');
    const form = await openForm(page, 'New backup policy in contoso-vault');
    await typeInto(form, 'vscode-textfield[name=name]', 'defaultpolicy');
    await typeInto(form, 'vscode-textfield[name=dailyDays]', '7');
    const taken = 'A policy named DefaultPolicy already exists in this vault.';
    assert.match(await messageNextTo(form, 'vscode-textfield[name=name]', taken), /already exists in this vault/);
    assert.ok(await submitDisabled(form), 'no submit with a taken name');
    await session().screenshot('policy-name-taken');
    assert.strictEqual(await defaultPolicy(), before, 'DefaultPolicy is unchanged');

    // The way out: edit the existing policy instead.
    await form.locator('a#edit-existing').click();
    await openForm(page, 'Backup policy DefaultPolicy');
    assertNoCspViolations(session());
  });

  it('edit policy in use names its items, warns that shorter retention deletes points and asks before saving', async () => {
    const { page } = session();
    await expandTreeRow(page, 'contoso-vault');
    await expandTreeRow(page, 'Backup policies');
    await runFromContextMenu(page, 'DefaultPolicy', 'Edit Policy…');
    const form = await openForm(page, 'Backup policy DefaultPolicy');
    await form
      .locator('.policy-usage', { hasText: 'This policy protects 1 item. Changes apply to it.' })
      .waitFor({ timeout: 10000 });
    await typeInto(form, 'vscode-textfield[name=dailyDays]', '7');
    await form
      .locator('.retention-warning', { hasText: 'Existing recovery points older than the new retention are deleted.' })
      .waitFor({ timeout: 10000 });
    await session().screenshot('edit-shrinks-retention');

    // Escape on the confirmation saves nothing.
    await submitForm(form);
    const dialog = modalDialog(page);
    await dialog.waitFor({ timeout: 15000 });
    assert.match(await dialog.innerText(), /DefaultPolicy[\s\S]*1 item[\s\S]*older than the new retention are deleted/);
    await session().screenshot('edit-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.strictEqual(dailyDays(await defaultPolicy()), 30, 'cancelled: retention unchanged');

    await submitForm(form);
    await dialog.waitFor({ timeout: 15000 });
    await dialog.locator('.monaco-button', { hasText: 'Save and shorten retention' }).click();
    assert.match(await formResult(form), /Policy DefaultPolicy saved\./);
    assert.strictEqual(dailyDays(await defaultPolicy()), 7);
    await assertFormSettled(form);
    await session().screenshot('edit-saved');
    await form.locator('vscode-button#close').click();
    await page
      .locator('.tabs-container .tab', { hasText: 'Backup policy DefaultPolicy' })
      .waitFor({ state: 'detached', timeout: 10000 });
  });

  it('backup now cannot be sent twice from the same form', async () => {
    const { page } = session();
    await expandTreeRow(page, 'Backup items');
    await runFromContextMenu(page, 'web-vm-01', 'Backup Now');
    const form = await openForm(page, 'Backup now: web-vm-01');
    await clearHovers(page);
    await submitForm(form);
    assert.match(await formResult(form), /Backup of web-vm-01 started\./);
    await assertFormSettled(form);
    await form.locator('#view-job').waitFor();
    await session().screenshot('backup-now-done');
    // Hidden and shown again, the page is rebuilt: it shows the outcome again, not a fresh form to send.
    await runPaletteCommand(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled-1' }).waitFor();
    await switchTab(page, 'Backup now: web-vm-01');
    const rebuilt = await openForm(page, 'Backup now: web-vm-01');
    assert.match(await formResult(rebuilt), /Backup of web-vm-01 started\./);
    await assertFormSettled(rebuilt);
    await rebuilt.locator('vscode-button#close').click();
    await page
      .locator('.tabs-container .tab', { hasText: 'Backup now: web-vm-01' })
      .waitFor({ state: 'detached', timeout: 10000 });
  });

  it("stop protection (delete data) asks for the item's name; a wrong name or Escape deletes nothing", async () => {
    const { page } = session();
    await runFromContextMenu(page, 'web-vm-01', 'Stop Protection (Delete Data)…');
    const input = quickInput(page);
    await input.waitFor({ timeout: 15000 });
    const widget = page.locator('.quick-input-widget');
    assert.match(await widget.innerText(), /recovery points[\s\S]*soft delete for 14 days/i);
    await input.fill('web-vm-0');
    await page.keyboard.press('Enter');
    await widget
      .locator('.quick-input-message', { hasText: 'The name does not match: type web-vm-01 to confirm.' })
      .waitFor({ timeout: 5000 });
    await session().screenshot('stop-delete-wrong-name');
    assert.ok(await input.isVisible(), 'a wrong name does not confirm');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
    assert.strictEqual((await item('web-vm-01'))?.protectionState, 'Protected', 'nothing deleted');

    await runFromContextMenu(page, 'web-vm-01', 'Stop Protection (Delete Data)…');
    await input.waitFor({ timeout: 15000 });
    await input.fill('web-vm-01');
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 60000;
    let state = (await item('web-vm-01'))?.protectionState;
    while (state === 'Protected' && Date.now() < deadline) state = (await item('web-vm-01'))?.protectionState;
    assert.notStrictEqual(state, 'Protected', 'the typed name confirms the deletion');
    await session().screenshot('stop-delete-confirmed');
    assertNoCspViolations(session());
  });

  it('creates an Enhanced policy that backs up every 6 hours, shown by its schedule in the tree', async () => {
    const { page } = session();
    await expandTreeRow(page, 'contoso-vault');
    await expandTreeRow(page, 'Backup policies');
    await runFromContextMenu(page, 'contoso-vault', 'Create Policy…');
    const form = await openForm(page, 'New backup policy in contoso-vault');
    await typeInto(form, 'vscode-textfield[name=name]', 'EverySix');
    // Hourly is for Enhanced policies: a Standard one says so next to the frequency.
    await chooseOption(form, 'vscode-single-select[name=frequency]', 'Hourly');
    await messageNextTo(
      form,
      'vscode-single-select[name=frequency]',
      'Only an Enhanced policy backs up every few hours',
    );
    assert.ok(await submitDisabled(form), 'no submit of an hourly Standard policy');
    await chooseOption(form, 'vscode-single-select[name=policyType]', 'Enhanced');
    await chooseOption(form, 'vscode-single-select[name=intervalHours]', '6 hours');
    await typeInto(form, 'vscode-textfield[name=windowStart]', '06:00');
    await typeInto(form, 'vscode-textfield[name=windowHours]', '25');
    await messageNextTo(form, 'vscode-textfield[name=windowHours]', 'Enter a whole number from 4 to 24.');
    assert.ok(await submitDisabled(form), 'no submit with a window longer than a day');
    await typeInto(form, 'vscode-textfield[name=windowHours]', '18');
    // Enhanced policies keep instant restore snapshots up to 30 days.
    await typeInto(form, 'vscode-textfield[name=instantRestoreDays]', '31');
    await messageNextTo(form, 'vscode-textfield[name=instantRestoreDays]', 'Enter a whole number from 1 to 30.');
    await typeInto(form, 'vscode-textfield[name=instantRestoreDays]', '30');
    await session().screenshot('enhanced-policy-form');
    await submitForm(form);
    assert.match(await formResult(form), /Policy EverySix saved\./);
    const saved = (await sandboxState()).policies.find((p) => p.name === 'EverySix')?.properties;
    assert.deepStrictEqual(
      [
        saved?.policyType,
        saved?.instantRpRetentionRangeInDays,
        (saved?.schedulePolicy as { hourlySchedule?: unknown })?.hourlySchedule,
      ],
      ['V2', 30, { interval: 6, scheduleWindowStartTime: '2024-01-01T06:00:00.000Z', scheduleWindowDuration: 18 }],
    );
    await treeRow(page, 'EverySix')
      .filter({ hasText: 'Every 6 hours from 06:00 for 18 hours' })
      .waitFor({ timeout: 15000 });
    assertNoCspViolations(session());
  });
});
