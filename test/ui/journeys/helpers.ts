// Shared steps of the UI journeys: the sandbox tree, the webview forms (vscode-elements inside two iframes)
// and the result the user sees. Built on ../workbench.ts; everything here acts as a user would (mouse, keyboard).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';
import { REPO } from '../../harness/codeServer';
import { type SessionOptions, type WorkbenchSession, useWorkbench } from '../session';
import { activityItem, contextMenuItem, expandTreeRow, treeRow, webviewFrame } from '../workbench';

export const SUBSCRIPTION = 'Sandbox Subscription';

/** Opens the Azure Backup view and expands the sandbox subscription. */
export async function openSandboxTree(page: Page): Promise<void> {
  await activityItem(page, 'Azure Backup').click();
  await expandTreeRow(page, SUBSCRIPTION);
}

/**
 * Right-clicks a tree row and runs one of its context-menu entries with the keyboard: once a webview is open,
 * VS Code lays a mouse-blocking layer over the page while a menu shows, and Playwright's click refuses it.
 */
export async function runFromContextMenu(page: Page, rowLabel: string, entry: string): Promise<void> {
  await runFromRowMenu(page, treeRow(page, rowLabel).first(), entry);
}

/** runFromContextMenu for a row already found (e.g. by its description). */
export async function runFromRowMenu(page: Page, row: Locator, entry: string): Promise<void> {
  const rowLabel = (await row.locator('.label-name').textContent()) ?? '';
  await row.waitFor();
  await clearHovers(page);
  await contextMenuItem(page, row, entry);
  const focused = page.locator('.context-view .monaco-menu .action-item.focused .action-label');
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    if (((await focused.textContent({ timeout: 2000 }).catch(() => '')) ?? '').trim() === entry) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`context menu of "${rowLabel}" has no entry "${entry}"`);
}

/** Hover tooltips of the tree can cover the next row to click: move the mouse away and let them close. */
export async function clearHovers(page: Page): Promise<void> {
  await page.mouse.move(900, 800);
  await page.keyboard.press('Escape');
  await page
    .locator('.monaco-hover:visible, .workbench-hover-container:visible')
    .first()
    .waitFor({ state: 'hidden', timeout: 3000 })
    .catch(() => undefined);
}

/** A form's document, ready once its shell (title and submit button, or Close once it succeeded) is drawn. */
export async function openForm(page: Page, title: string): Promise<Frame> {
  const frame = await webviewFrame(page, title, 45000);
  await frame.locator('vscode-button#submit:not([hidden]), vscode-button#close:not([hidden])').first().waitFor();
  return frame;
}

/** A form that succeeded shows its outcome and a Close button: no submit, every field read-only. */
export async function assertFormSettled(form: Frame): Promise<void> {
  await form.locator('vscode-button#close').waitFor({ timeout: 10000 });
  assert.strictEqual(await form.locator('vscode-button#submit').isVisible(), false, 'no submit button after success');
  const enabled = await form
    .locator(
      'vscode-textfield:not([disabled]), vscode-single-select:not([disabled]), vscode-checkbox:not([disabled]), vscode-radio:not([disabled])',
    )
    .count();
  assert.strictEqual(enabled, 0, 'the fields are read-only after success');
}

/**
 * Picks an option of a vscode-single-select by its visible label, with the mouse. The form may replace the
 * options while the list is open (e.g. policies arriving for the chosen vault), which closes it: open it again.
 */
export async function chooseOption(frame: Frame, select: string, label: string): Promise<void> {
  const control = frame.locator(select);
  for (let attempt = 1; ; attempt++) {
    try {
      await control.click();
      await control.locator('li.option', { hasText: label }).first().click({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await frame.page().keyboard.press('Escape');
    }
  }
}

/** The helper line of the field's own group (the element the field's aria-describedby names). */
export async function messageNextTo(form: Frame, selector: string, expected: string): Promise<string> {
  const helpId = await form.locator(selector).getAttribute('aria-describedby');
  assert.ok(helpId, 'the field names its helper');
  const group = form.locator('vscode-form-group', { has: form.locator(selector) });
  const helper = group.locator(`vscode-form-helper#${helpId}.error`);
  await helper.filter({ hasText: expected }).waitFor({ timeout: 30000 });
  return (await helper.innerText()).trim();
}

/** Types into a vscode-textfield (its input lives in the component's shadow root). */
export async function typeInto(frame: Frame, selector: string, text: string): Promise<void> {
  const input = frame.locator(`${selector} input`);
  await input.fill(text);
}

export async function submitForm(frame: Frame): Promise<void> {
  const button = frame.locator('vscode-button#submit');
  await frame.waitForFunction("!document.querySelector('vscode-button#submit')?.hasAttribute('disabled')", undefined, {
    timeout: 30000,
  });
  await button.click();
}

/** The result line a form shows after a successful submit. */
export async function formResult(frame: Frame, timeout = 60000): Promise<string> {
  const result = frame.locator('.form-result');
  await result.waitFor({ state: 'visible', timeout });
  return result.innerText();
}

export async function formError(frame: Frame, timeout = 30000): Promise<string> {
  const box = frame.locator('.form-error');
  await box.waitFor({ state: 'visible', timeout });
  return box.innerText();
}

/** Brings an editor tab to the front by its label (a hidden webview is rebuilt then). */
export async function switchTab(page: Page, tab: string): Promise<void> {
  await page.locator('.tabs-container .tab', { hasText: tab }).first().click();
}

/** Waits until some row with this label shows a description matching `expected` (the tree refreshes itself). */
export async function waitForRow(page: Page, label: string, expected: RegExp, timeout = 60000): Promise<string> {
  const rows = treeRow(page, label);
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await rows
      .locator('.label-description')
      .allTextContents()
      .catch(() => []);
    const hit = seen.find((d) => expected.test(d));
    if (hit !== undefined) return hit;
    await page.waitForTimeout(250);
  }
  throw new Error(`no row "${label}" with a description matching ${String(expected)} (seen: ${JSON.stringify(seen)})`);
}

/** The text of a details page (job, recovery points, policy: a read-only webview) once it shows `expected`. */
export async function detailsPageText(
  page: Page,
  title: string | RegExp,
  expected: RegExp,
  timeout = 30000,
): Promise<string> {
  const frame = await webviewFrame(page, title, timeout);
  const body = frame.locator('body');
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await body.innerText({ timeout: 2000 }).catch(() => '')).replace(/\u00a0/g, ' ');
    if (expected.test(text)) return text;
    await page.waitForTimeout(250);
  }
  throw new Error(`the details page never showed ${String(expected)}; it shows: ${text.slice(0, 300)}`);
}

/** Whether the form's submit button is disabled right now. */
export async function submitDisabled(frame: Frame): Promise<boolean> {
  return (await frame.locator('vscode-button#submit').getAttribute('disabled')) !== null;
}

/** A journey's workbench (see useWorkbench), with the sandbox's jobs 20 times faster: a 40-second backup takes about 2 seconds. */
export function journeyWorkbench(options: SessionOptions): () => WorkbenchSession {
  return useWorkbench({ ...options, settings: { 'azureBackup.sandbox.speed': 20, ...options.settings } });
}

/** Fails when the browser reported a Content-Security-Policy violation (the forms run under a strict CSP). */
export function assertNoCspViolations(session: WorkbenchSession): void {
  const file = path.join(session.runDir, 'browser-console.log');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const violations = lines.filter((l) =>
    /Content Security Policy|Refused to (load|apply|execute|evaluate|connect)/i.test(l),
  );
  if (violations.length > 0) throw new Error(`CSP violations:\n${violations.join('\n')}`);
}

/** How renewReadmeScreenshot crops: at most this width and height from the part's top left; `widen` drags its right edge first. */
export interface ReadmeCrop {
  width?: number;
  height?: number;
  widen?: number;
}

/**
 * With AZB_UPDATE_SCREENSHOTS=1, saves the part of the workbench matched by `selector` (cropped) as
 * media/screenshots/`file` for the README; otherwise does nothing, so a test run leaves the working tree as it found it.
 */
export async function renewReadmeScreenshot(
  page: Page,
  selector: string,
  file: string,
  crop: ReadmeCrop = {},
): Promise<void> {
  if (process.env.AZB_UPDATE_SCREENSHOTS !== '1') return;
  const part = page.locator(selector).first();
  let box = await part.boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  if (crop.widen) {
    // The sash between two parts sits on their border: dragging it gives long labels room.
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + crop.widen, y, { steps: 5 });
    await page.mouse.up();
    await clearHovers(page);
    box = (await part.boundingBox()) ?? box;
  }
  const target = path.join(REPO, 'media/screenshots', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const clip = {
    x: box.x,
    y: box.y,
    width: Math.min(box.width, crop.width ?? box.width),
    height: Math.min(box.height, crop.height ?? box.height),
  };
  await page.screenshot({ path: target, clip });
}
