// Journey (3): right-click a protected VM → "Backup now" → choose a retain-until date → the job reaches
// Completed and a recovery point with that expiry appears.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { expandTreeRow, treeRow } from '../workbench';
import {
  assertNoCspViolations,
  clearHovers,
  detailsPageText,
  formResult,
  journeyWorkbench,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  submitDisabled,
  submitForm,
  typeInto,
} from './helpers';

const DAY = 24 * 3600e3;
const dateInput = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** Descriptions of the vault's "Backup · web-vm-01" job rows. */
async function backupJobs(page: Page): Promise<string[]> {
  return treeRow(page, 'Backup · web-vm-01').locator('.label-description').allTextContents();
}

describe('Journey 3: backup now with a retain-until date (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-3-backup-now' });

  it('backs up web-vm-01; the job completes and a recovery point kept until the chosen date appears', async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Recovery Services vaults');
    await expandTreeRow(page, 'contoso-vault');
    await expandTreeRow(page, 'Backup jobs');
    await treeRow(page, 'Backup · web-vm-01').first().waitFor();
    const completedBefore = (await backupJobs(page)).filter((d) => d.startsWith('Completed')).length;
    await expandTreeRow(page, 'Virtual machines');

    await runFromContextMenu(page, 'web-vm-01', 'Backup Now');
    const form = await openForm(page, 'Backup now: web-vm-01');
    const field = form.locator('vscode-textfield[name=retainUntil]');
    // Default: 30 days ahead.
    assert.strictEqual(await field.locator('input').inputValue(), dateInput(30));
    await session().screenshot('form-default');

    // Validated live: a past date is refused next to the field and submit stays disabled.
    await typeInto(form, 'vscode-textfield[name=retainUntil]', dateInput(-1));
    await form.locator('vscode-form-helper.error', { hasText: 'The date must be after today.' }).waitFor();
    assert.ok(await submitDisabled(form));
    await session().screenshot('form-past-date');

    const retainUntil = dateInput(45);
    await typeInto(form, 'vscode-textfield[name=retainUntil]', retainUntil);
    await form
      .locator('vscode-form-helper', { hasText: 'The recovery point is kept until this date (UTC).' })
      .waitFor();
    await submitForm(form);
    assert.match(await formResult(form), /Backup of web-vm-01 started\.\s+View the job/);
    await session().screenshot('form-result');

    // The job list refreshes when the job ends: one more completed backup of web-vm-01, none running.
    const deadline = Date.now() + 60000;
    let jobs: string[] = [];
    while (Date.now() < deadline) {
      jobs = await backupJobs(page);
      if (
        jobs.filter((d) => d.startsWith('Completed')).length === completedBefore + 1 &&
        !jobs.some((d) => d.startsWith('In progress'))
      )
        break;
      await page.waitForTimeout(250);
    }
    assert.strictEqual(
      jobs.filter((d) => d.startsWith('Completed')).length,
      completedBefore + 1,
      `jobs: ${JSON.stringify(jobs)}`,
    );
    await session().screenshot('job-completed');

    // The form's link opens the job: a Backup of web-vm-01, Completed.
    await form.locator('#view-job').click();
    await detailsPageText(page, /^Backup job /, /Operation\s+Backup[\s\S]*web-vm-01[\s\S]*Status\s+Completed/);
    await session().screenshot('job-details');

    // The recovery points of the item include one that expires on the chosen date.
    await expandTreeRow(page, 'Backup items');
    await runFromContextMenu(page, 'web-vm-01', 'Show Recovery Points');
    const kept = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(`${retainUntil}T12:00:00Z`));
    const points = await detailsPageText(page, 'Recovery points of web-vm-01', new RegExp(kept));
    assert.match(points, /Recovery points of web-vm-01/);
    await clearHovers(page);
    await session().screenshot('recovery-points');
    assertNoCspViolations(session());
  });

  it('opens the policy form of the vault under its CSP and saves a new policy', async () => {
    const { page } = session();
    await runFromContextMenu(page, 'contoso-vault', 'Create Policy…');
    const form = await openForm(page, 'New backup policy in contoso-vault');
    await typeInto(form, 'vscode-textfield[name=name]', 'x');
    await form.locator('vscode-form-helper.error', { hasText: 'The name must be 3 to 150 characters' }).waitFor();
    assert.ok(await submitDisabled(form));
    await typeInto(form, 'vscode-textfield[name=name]', 'NightlyPolicy');
    await typeInto(form, 'vscode-textfield[name=dailyDays]', '3');
    await form.locator('vscode-form-helper.error', { hasText: 'Enter a whole number from 7 to 9999.' }).waitFor();
    await typeInto(form, 'vscode-textfield[name=dailyDays]', '14');
    await session().screenshot('policy-form');
    await submitForm(form);
    assert.match(await formResult(form), /Policy NightlyPolicy saved\./);
    await expandTreeRow(page, 'Backup policies');
    await treeRow(page, 'NightlyPolicy').first().waitFor();
    await session().screenshot('policy-saved');
    assertNoCspViolations(session());
  });
});
