// The coverage view on the real workbench: open it from the palette, filter to unprotected VMs, protect three VMs
// in two regions (northeurope has no vault: one is created through the page's own flow; the Trusted Launch VM is
// offered only Enhanced policies, with the reason), see the totals change;
// then the same view in Dutch. With AZB_UPDATE_SCREENSHOTS=1 it renews media/screenshots/coverage.png for the README
// (not on every run, so a test run leaves the working tree as it found it).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { REPO } from '../harness/codeServer';
import { type WorkbenchSession, useWorkbench } from './session';
import { activityItem, modalDialog, runPaletteCommand, treeRow, webviewFrame } from './workbench';
import { messageNextTo, typeInto } from './journeys/helpers';

/** Opens the Azure Backup view (which activates the extension and its sandbox), then the coverage by `open`. */
async function openCoverage(session: WorkbenchSession, open: () => Promise<void>, title: string): Promise<Frame> {
  await activityItem(session.page, 'Azure Backup').click();
  await treeRow(session.page, 'Sandbox Subscription').first().waitFor({ timeout: 60000 });
  await open();
  const frame = await webviewFrame(session.page, title, 45000);
  await frame.locator('table.vms tbody tr').first().waitFor({ timeout: 60000 });
  return frame;
}

async function count(frame: Frame, table: string, region: string, column: string): Promise<string> {
  return (
    (await frame
      .locator(`#${table} tbody tr`, { has: frame.locator('th', { hasText: region }) })
      .locator(`td[data-count="${column}"]`)
      .textContent()) ?? ''
  );
}

describe('Backup coverage (UI)', function () {
  const workbench = useWorkbench({ name: 'coverage' });

  it('filters to unprotected VMs, protects three in two regions (creating the missing vault; only Enhanced policies for the Trusted Launch VM) and the totals change', async () => {
    const session = workbench();
    const { page } = session;
    // From the view's title bar.
    const frame = await openCoverage(
      session,
      () => page.locator('.part.sidebar .title-actions a.action-label[aria-label="Show Backup Coverage"]').click(),
      'Backup coverage',
    );
    assert.strictEqual(await count(frame, 'totals-region', 'North Europe', 'protected'), '0');
    await session.screenshot('coverage-opened');

    await frame.locator('button.chip[data-status="unprotected"]').click();
    await frame.locator('table.vms tbody tr[data-vm="web-vm-01"]').waitFor({ state: 'detached' });
    const statuses = await frame.locator('table.vms tbody td.status').allTextContents();
    assert.ok(statuses.length >= 6 && statuses.every((s) => s === 'Not protected'), statuses.join(', '));

    await frame.locator('input[type="checkbox"][data-vm="web-vm-02"]').check();
    await frame.locator('input[type="checkbox"][data-vm="sql-vm-01"]').check();
    await frame.locator('input[type="checkbox"][data-vm="tl-vm-01"]').check();
    assert.match((await frame.locator('#selected-count').textContent()) ?? '', /^3 selected/);
    // The Trusted Launch VM is offered only the vault's Enhanced policies, and the page says why.
    const west = frame.locator('.group[data-region="westeurope"]');
    assert.deepStrictEqual(await west.locator('.enhanced-only p').allTextContents(), [
      '1 virtual machines need an Enhanced policy (Trusted Launch):',
      'tl-vm-01',
    ]);
    assert.strictEqual(
      await west
        .locator('.enhanced-only vscode-single-select[name="enhancedPolicy"]')
        .evaluate((e) => (e as unknown as { value: string }).value),
      'EnhancedPolicy',
    );
    assert.strictEqual(await west.locator('p.sub').first().textContent(), 'web-vm-02');
    const north = frame.locator('.group[data-region="northeurope"]');
    // The new vault's name, prefilled with a free one: a rule is flagged next to it as it is typed.
    const name = 'vscode-textfield[name="vaultName"][data-region="northeurope"]';
    const createButton = north.locator('vscode-button.create-vault');
    const tooLong = 'The name must be 2 to 50 characters long.';
    await typeInto(frame, name, 'v'.repeat(51));
    assert.strictEqual(await messageNextTo(frame, name, tooLong), tooLong);
    assert.ok(await createButton.evaluate((b) => b.hasAttribute('disabled')), 'no create while the name breaks a rule');
    await session.screenshot('coverage-name-rule');
    await typeInto(frame, name, 'northeurope-backup-vault');
    await createButton.click();
    const dialog = modalDialog(page);
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /northeurope-backup-vault/);
    await dialog.locator('.monaco-button', { hasText: 'Create vault' }).first().click();
    await north.locator('vscode-single-select[name="vault"]').waitFor({ timeout: 60000 });
    await session.screenshot('coverage-vault-created');

    await frame.locator('vscode-button#enable').click();
    for (const vm of ['web-vm-02', 'sql-vm-01', 'tl-vm-01']) {
      await frame.locator(`li.progress[data-vm="${vm}"][data-state="done"]`).waitFor({ timeout: 150000 });
    }
    await frame.locator('.protect .message', { hasText: /3 virtual machines, 0 failed/ }).waitFor({ timeout: 30000 });
    assert.strictEqual(await count(frame, 'totals-region', 'North Europe', 'protected'), '1');
    assert.strictEqual(await count(frame, 'totals-region', 'West Europe', 'protected'), '3');
    await frame.locator('table.vms tbody tr[data-vm="sql-vm-01"]').waitFor({ state: 'detached' });
    await session.screenshot('coverage-protected');

    // The README's picture: everything, after protecting.
    await frame.locator('button.chip[data-status="all"]').click();
    await frame.locator('table.vms tbody tr[data-vm="web-vm-01"]').waitFor();
    const shot = await session.screenshot('coverage-all');
    if (process.env.AZB_UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(path.join(REPO, 'media/screenshots'), { recursive: true });
      fs.copyFileSync(shot, path.join(REPO, 'media/screenshots/coverage.png'));
    }
  });
});

describe('Backup coverage in Dutch (UI)', function () {
  const workbench = useWorkbench({ name: 'coverage-nl', locale: 'nl' });

  it('shows the Dutch headings', async () => {
    const session = workbench();
    // From the command palette.
    const frame = await openCoverage(
      session,
      () => runPaletteCommand(session.page, 'Back-updekking weergeven'),
      'Back-updekking',
    );
    await session.screenshot('coverage-nl');
    assert.strictEqual(await frame.locator('h1').textContent(), 'Back-updekking');
    const headers = await frame.locator('table.vms thead button.sort').allTextContents();
    assert.deepStrictEqual(headers.slice(0, 2), ['Virtuele machine', 'Beveiliging']);
    assert.match(
      (await frame.locator('button.chip[data-status="unprotected"]').textContent()) ?? '',
      /^Niet beveiligd \(\d+\)$/,
    );
    assert.match(
      (await frame.locator('.protect h2').textContent()) ?? '',
      /Geselecteerde virtuele machines beveiligen/,
    );
  });
});
