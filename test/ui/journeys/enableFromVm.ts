// Journey (1), in any language: right-click a VM → Enable backup → pick the vault and DefaultPolicy → submit →
// the backup item appears as "Warning (initial backup pending)". Shared by the English and the Dutch test.
import * as assert from 'assert';
import type { WorkbenchSession } from '../session';
import { expandTreeRow } from '../workbench';
import {
  assertNoCspViolations,
  detailsPageText,
  chooseOption,
  formResult,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  submitDisabled,
  submitForm,
  waitForRow,
} from './helpers';

export interface EnableVmTexts {
  vms: string;
  vaults: string;
  items: string;
  /** The VM's context-menu entry. */
  menuEnable: string;
  formTitle: (vm: string) => string;
  /** Labels the form shows, checked as the user reads them. */
  formLabels: string[];
  policySummary: RegExp;
  running: string;
  result: (vm: string) => RegExp;
  viewJob: string;
  pending: string;
  protectedBy: (vault: string) => RegExp;
  jobDocument: RegExp;
  jobTitle: RegExp;
  /** The job's start, as the display language writes a date and time. */
  startedAt: RegExp;
}

export const ENGLISH_TEXTS: EnableVmTexts = {
  vms: 'Virtual machines',
  vaults: 'Recovery Services vaults',
  items: 'Backup items',
  menuEnable: 'Enable Backup…',
  formTitle: (vm) => `Enable backup: ${vm}`,
  formLabels: ['Recovery Services vault', 'Backup policy', 'Enable backup'],
  policySummary: /Daily at 02:30 · 30 days/,
  running: 'Working…',
  result: (vm) => new RegExp(`Configuring backup for ${vm}…\\s+View the job`),
  viewJob: 'View the job',
  pending: 'Warning (initial backup pending)',
  protectedBy: (vault) => new RegExp(`^(Initial backup pending in|Protected by) ${vault} · `),
  jobDocument: /Configure backup[\s\S]*Completed/,
  jobTitle: /^Backup job /,
  startedAt: /Started\s+[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M/,
};

export async function enableBackupFromVm(
  session: WorkbenchSession,
  t: EnableVmTexts,
  vm = 'web-vm-02',
  vault = 'contoso-vault',
): Promise<void> {
  const { page } = session;
  await openSandboxTree(page);
  await expandTreeRow(page, t.vms);
  await waitForRow(page, vm, /./);
  await session.screenshot('tree');

  await runFromContextMenu(page, vm, t.menuEnable);
  const form = await openForm(page, t.formTitle(vm));
  const text = await form.locator('body').innerText();
  for (const label of t.formLabels) assert.ok(text.includes(label), `the form shows "${label}": ${text}`);
  await chooseOption(form, 'vscode-single-select[name=vault]', vault);
  await chooseOption(form, 'vscode-single-select[name=policy]', 'DefaultPolicy');
  // The chosen policy's schedule and retention, from the host in the UI's language.
  await form.locator('vscode-form-helper', { hasText: t.policySummary }).waitFor();
  await session.screenshot('form-filled');

  await submitForm(form);
  // While the request runs the button is disabled and says so (the reply may already be in: then it is enabled again).
  const runningState = await form.locator('vscode-button#submit').innerText();
  if (runningState.includes(t.running))
    assert.ok(await submitDisabled(form), 'submit is disabled while the request runs');
  assert.match(await formResult(form), t.result(vm));
  await session.screenshot('form-result');

  // What the tree shows: the VM protected by the vault, the vault's new backup item waiting for its first backup.
  await waitForRow(page, vm, t.protectedBy(vault));
  await expandTreeRow(page, t.vaults);
  await expandTreeRow(page, vault);
  await expandTreeRow(page, t.items);
  const description = await waitForRow(page, vm, new RegExp(escape(t.pending)));
  assert.strictEqual(description, t.pending);
  await session.screenshot('item-pending');

  // The result's link opens the configure-backup job.
  await form.locator('#view-job', { hasText: t.viewJob }).click();
  const job = await detailsPageText(page, t.jobTitle, t.jobDocument);
  assert.match(job, t.startedAt);
  await session.screenshot('job-details');
  assertNoCspViolations(session);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
