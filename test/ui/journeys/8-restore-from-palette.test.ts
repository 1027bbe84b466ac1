// Journey (8): Restore… and Recover Files… from the command palette, through the real QuickPicks: the vault, the
// backup item, then a recovery point (the archived one is not offered); Restore opens the form for the chosen point,
// Recover Files saves the service's script through the save dialog and shows how to run it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { quickInput, quickPickRow, runPaletteCommand } from '../workbench';
import { assertNoCspViolations, detailsPageText, journeyWorkbench, openForm, openSandboxTree } from './helpers';

/** The rows of the QuickPick shown now, once its placeholder reads `placeholder`. */
async function pickerRows(page: Page, placeholder: string): Promise<string[]> {
  await page.locator(`.quick-input-widget .quick-input-box input[placeholder="${placeholder}"]`).waitFor({
    timeout: 30000,
  });
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  return rows.allInnerTexts();
}

/** Palette → vault → item → point; returns the label of the point chosen (the newest) and the points offered. */
async function pickNewestPoint(page: Page, command: string): Promise<{ label: string; offered: string[] }> {
  await runPaletteCommand(page, command);
  assert.ok((await pickerRows(page, 'Select a Recovery Services vault')).some((r) => r.includes('contoso-vault')));
  await quickPickRow(page, 'contoso-vault').click();
  assert.ok((await pickerRows(page, 'Select a backup item')).some((r) => r.includes('web-vm-01')));
  await quickPickRow(page, 'web-vm-01').click();
  const offered = await pickerRows(page, 'Select a recovery point of web-vm-01');
  const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name').first();
  const label = ((await first.textContent()) ?? '').trim();
  await first.click();
  return { label, offered };
}

describe('Journey 8: Restore and Recover Files from the command palette (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-8-restore-from-palette' });

  it('Restore…: vault, item and point picked in QuickPicks open the form for that point; the archived one is not offered', async () => {
    const { page } = session();
    await openSandboxTree(page);
    const { label, offered } = await pickNewestPoint(page, 'Azure Backup: Restore…');
    // The story's web-vm-01 has three daily points and one in the archive tier, which cannot be restored as it is.
    assert.strictEqual(offered.length, 3, offered.join(' | '));
    assert.ok(
      offered.every((o) => !/Archive/.test(o)),
      offered.join(' | '),
    );
    const form = await openForm(page, 'Restore web-vm-01');
    const body = await form.locator('body').innerText();
    assert.ok(body.includes(label), `the form is for the point picked, ${label}: ${body.slice(0, 300)}`);
    assert.match(body, /Create a new virtual machine[\s\S]*Restore disks[\s\S]*Replace existing disks/);
    await session().screenshot('restore-form-from-palette');
    assertNoCspViolations(session());
  });

  it("Recover Files…: the point picked, the service's script saved through the save dialog, the steps shown", async () => {
    const { page } = session();
    const { label } = await pickNewestPoint(page, 'Azure Backup: Recover Files…');
    // The save dialog (the workbench's own, a quick input) proposes the service's file name in the workspace.
    const input = quickInput(page);
    await page.waitForFunction(
      (el) => /web-vm-01_[^/]*\.ps1$/.test((el as { value?: string } | null)?.value ?? ''),
      await input.elementHandle(),
      { timeout: 60000 },
    );
    const proposed = path.basename(await input.inputValue());
    await page.keyboard.press('Enter');
    const text = await detailsPageText(page, `Recover files of web-vm-01 from ${label}`, /as an administrator/, 60000);
    assert.ok(text.includes(proposed), text.slice(0, 400));
    const saved = path.join(session().runDir, 'workspace', proposed);
    assert.ok(fs.existsSync(saved), `${saved} was written`);
    assert.match(fs.readFileSync(saved, 'utf8'), /file recovery for web-vm-01/);
    await session().screenshot('file-recovery-from-palette');
    assertNoCspViolations(session());
  });
});
