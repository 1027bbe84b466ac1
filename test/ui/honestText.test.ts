// What a person reads, on the real workbench: a new vault in a new resource group (no request with an empty
// group, the group's rule only once something was typed, the name checked again when the group changes), region
// display names, the storage form's note only when it applies, and details pages rendered (not Markdown source)
// with units and dates in the display language.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import {
  expandTreeRow,
  modalDialog,
  notification,
  quickPickRow,
  runPaletteCommand,
  treeRow,
  webviewFrame,
} from './workbench';
import {
  assertNoCspViolations,
  chooseOption,
  clearHovers,
  formResult,
  journeyWorkbench,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  typeInto,
  waitForRow,
} from './journeys/helpers';

const VAULT = 'honest-vault';
const NAME = 'vscode-textfield[name=name]';
const NEW_RG = 'vscode-textfield[name=newResourceGroupName]';
const RG_RULE =
  'A resource group name has 1 to 90 characters: letters, digits, underscores, hyphens, periods and parentheses, and does not end with a period.';

/** The helper line of a field's own group, as shown now. */
async function helperOf(form: Frame, selector: string): Promise<{ text: string; error: boolean }> {
  const helpId = await form.locator(selector).getAttribute('aria-describedby');
  const helper = form.locator(`vscode-form-helper#${helpId ?? 'none'}`);
  return {
    text: (await helper.innerText()).trim(),
    error: ((await helper.getAttribute('class')) ?? '').includes('error'),
  };
}

/** Clicks the form's submit once enabled (a locator, not a page function: the form's CSP forbids eval). */
async function submitWhenEnabled(form: Frame): Promise<void> {
  await form.locator('vscode-button#submit:not([disabled])').click({ timeout: 30000 });
}

/** The visible text of a details page (a webview of the extension) once it shows `expected`. */
async function pageText(frame: Frame, expected: RegExp): Promise<string> {
  await frame.locator('body', { hasText: expected }).waitFor({ timeout: 30000 });
  return frame.locator('body').innerText();
}

describe('Honest, readable text (UI)', function () {
  // Real-time jobs (speed 1): a backup runs 40 seconds, long enough to ask to cancel it.
  const session = journeyWorkbench({ name: 'honest-text', settings: { 'azureBackup.sandbox.speed': 1 } });

  it('creates a vault in a new resource group: no empty-group request, the rule once typed, the name checked again', async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Recovery Services vaults');
    await runPaletteCommand(page, 'Azure Backup: Create Vault…');
    const pick = quickPickRow(page, 'Sandbox Subscription');
    const form = await Promise.race([
      openForm(page, 'Create a Recovery Services vault'),
      pick.waitFor({ timeout: 45000 }).then(async () => {
        await pick.click();
        return openForm(page, 'Create a Recovery Services vault');
      }),
    ]);
    await form.locator('vscode-checkbox#newResourceGroup').click();
    await form.locator(NEW_RG).waitFor({ state: 'visible' });
    assert.deepStrictEqual(
      await helperOf(form, NEW_RG),
      { text: '', error: false },
      'nothing to complain about before the user typed',
    );

    await typeInto(form, NAME, VAULT);
    await page.waitForTimeout(1500);
    const name = await helperOf(form, NAME);
    assert.ok(!name.error, `no error under the name while the group is empty: ${name.text}`);
    assert.doesNotMatch(name.text, /no route|resourceGroups\/\//);

    await typeInto(form, NEW_RG, 'bad.');
    await form.locator('vscode-form-helper.error', { hasText: RG_RULE }).waitFor();
    await session().screenshot('group-rule');
    await typeInto(form, NEW_RG, 'honest-rg');
    await form.locator('vscode-form-helper', { hasText: 'The name is available.' }).waitFor();
    assert.deepStrictEqual(await helperOf(form, NEW_RG), { text: '', error: false });
    const regions = await form.locator('vscode-single-select[name=region] vscode-option').allTextContents();
    assert.ok(regions.map((r) => r.trim()).includes('West Europe'), `regions by display name: ${regions.join(', ')}`);
    await chooseOption(form, 'vscode-single-select[name=region]', 'West Europe');
    await submitWhenEnabled(form);
    assert.match(await formResult(form), new RegExp(`Vault ${VAULT} created in West Europe\\.`));
    await waitForRow(page, VAULT, /^West Europe · Geo-redundant$/);
    await session().screenshot('vault-created');
    assertNoCspViolations(session());
  });

  it('says cross-region restore needs geo-redundant storage only when another kind is chosen', async () => {
    const { page } = session();
    // The story's vault: geo-redundant (and locked, it protects an item), so there is nothing to explain.
    if (!(await treeRow(page, 'contoso-vault').first().isVisible())) {
      await openSandboxTree(page);
      await expandTreeRow(page, 'Recovery Services vaults');
    }
    await clearHovers(page);
    await runFromContextMenu(page, 'contoso-vault', 'Storage Replication…');
    const story = await openForm(page, 'Storage replication: contoso-vault');
    await story.locator('#crossRegionRestore:not([disabled])').waitFor();
    const crrGroup = story.locator('vscode-form-group', { has: story.locator('#crossRegionRestore') });
    assert.doesNotMatch(
      await crrGroup.innerText(),
      /needs geo-redundant storage/,
      'geo-redundant: no note asking for geo-redundant storage',
    );
    await clearHovers(page);
    await runFromContextMenu(page, VAULT, 'Storage Replication…');
    const storage = await openForm(page, `Storage replication: ${VAULT}`);
    const note = storage.locator('#crossRegionRestore-help');
    await storage.locator('#crossRegionRestore:not([disabled])').waitFor();
    assert.strictEqual((await note.innerText()).trim(), '', 'geo-redundant: nothing to explain');
    await storage.locator('vscode-radio[value=LocallyRedundant]').click();
    await storage
      .locator('#crossRegionRestore-help', { hasText: 'Cross-region restore needs geo-redundant storage.' })
      .waitFor();
    await session().screenshot('storage-lrs-note');
  });

  it('shows a policy, an enhanced policy and a workload policy as rendered pages with units', async () => {
    const { page } = session();
    await clearHovers(page);
    await expandTreeRow(page, 'contoso-vault');
    await expandTreeRow(page, 'Backup policies');
    await runFromContextMenu(page, 'DefaultPolicy', 'View Policy');
    const text = await pageText(await webviewFrame(page, 'Backup policy DefaultPolicy'), /Daily backups kept/);
    assert.match(text, /Daily backups kept\s+30 days/);
    assert.match(text, /Instant restore snapshots kept\s+2 days/);
    assert.doesNotMatch(text, /\*\*|\\\(|\|---/, 'no Markdown source');
    await session().screenshot('policy-page');

    await clearHovers(page);
    await runFromContextMenu(page, 'EnhancedPolicy', 'View Policy');
    const enhanced = await pageText(await webviewFrame(page, 'Backup policy EnhancedPolicy'), /Schedule/);
    assert.match(enhanced, /Every 4 hours from 08:00 for 12 hours/);
    assert.doesNotMatch(enhanced, /AzureIaasVM/);

    await clearHovers(page);
    await runFromContextMenu(page, 'HourlyLogBackup', 'View Policy');
    const workload = await pageText(await webviewFrame(page, 'Backup policy HourlyLogBackup'), /Protects/);
    assert.match(workload, /SQL Server databases in Azure VMs/);
    assert.doesNotMatch(workload, /Unknown|AzureWorkload/);
  });

  it('shows recovery points and a job as rendered tables and facts, times in the display language', async () => {
    const { page } = session();
    await clearHovers(page);
    await expandTreeRow(page, 'Backup items');
    await runFromContextMenu(page, 'web-vm-01', 'Show Recovery Points');
    const points = await webviewFrame(page, 'Recovery points of web-vm-01');
    await points.locator('table tbody tr').first().waitFor();
    assert.deepStrictEqual(await points.locator('table th').allInnerTexts(), [
      'Time',
      'Type',
      'Kept until',
      'Stored in',
    ]);
    const first = await points.locator('table tbody tr').first().locator('td').allInnerTexts();
    assert.match(
      first[0] ?? '',
      /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/,
      `an English date and time: ${first[0]}`,
    );
    assert.doesNotMatch(await points.locator('body').innerText(), /\d{4}-\d{2}-\d{2}T|\| ---|AppConsistent/);
    await session().screenshot('recovery-points');

    await clearHovers(page);
    await expandTreeRow(page, 'Backup jobs');
    const job = treeRow(page, /^Backup · web-vm-01$/).first();
    await job.waitFor();
    await runFromContextMenu(page, 'Backup · web-vm-01', 'Show Job Details');
    const details = await pageText(await webviewFrame(page, /^Backup job /), /Started/);
    assert.match(details, /Started\s+[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M/);
    assert.doesNotMatch(details, /\*\*|\d{4}-\d{2}-\d{2}T/);
    await session().screenshot('job-page');
    assertNoCspViolations(session());
  });

  it('says why the sandbox has no portal page and offers the resource ID', async () => {
    const { page } = session();
    await clearHovers(page);
    await runFromContextMenu(page, 'contoso-vault', 'Open in Portal');
    await notification(page, /the sandbox's resources exist only in its emulator on this computer/).waitFor({
      timeout: 30000,
    });
    const toast = page
      .locator('.notifications-toasts .notification-list-item', { hasText: /exist only in its emulator/ })
      .first();
    await toast.locator('.monaco-button', { hasText: 'Copy Resource ID' }).waitFor();
    await session().screenshot('no-portal');
    await toast.locator('.monaco-button', { hasText: 'Copy Resource ID' }).click();
  });

  it('asks to cancel a running job with "Cancel job" and "Keep running", not a second Cancel', async () => {
    const { page } = session();
    await clearHovers(page);
    await runFromContextMenu(page, 'web-vm-01', 'Backup Now');
    const form = await openForm(page, 'Backup now: web-vm-01');
    await clearHovers(page);
    await submitWhenEnabled(form);
    await formResult(form);
    await clearHovers(page);
    // From the palette: the vault, then the running job.
    await runPaletteCommand(page, 'Azure Backup: Cancel Job');
    await quickPickRow(page, 'contoso-vault').click();
    await quickPickRow(page, /In progress/).click();
    const dialog = modalDialog(page);
    await dialog.waitFor();
    const buttons = (await dialog.locator('.monaco-button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
    assert.deepStrictEqual([...buttons].sort(), ['Cancel job', 'Keep running']);
    await session().screenshot('cancel-job-dialog');
    await dialog.locator('.monaco-button', { hasText: 'Keep running' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.match(await page.locator('.part.statusbar').innerText(), /1 backup running/, 'the job keeps running');
  });
});
