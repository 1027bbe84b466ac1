// Selectors and small actions on the VS Code workbench (code-server 4.100.3), kept in one place for every UI test.
import type { Frame, Locator, Page } from 'playwright-core';

export const EXTENSION_ID = 'azbackup.azure-backup';

/** The workbench is ready when the shell is drawn and our activity-bar entry exists (extensions scanned). */
export async function waitForWorkbench(page: Page, activityTitle: string, timeout = 90000): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout });
  await activityItem(page, activityTitle).waitFor({ timeout });
}

export function activityItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`);
}

/** A row of a side-bar tree by its exact visible label (aria-label is the tooltip or accessibility label). */
export function treeRow(page: Page, label: string | RegExp): Locator {
  const text = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
  return page
    .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
    .filter({ has: page.locator('.label-name', { hasText: text }) });
}

export async function expandTreeRow(page: Page, label: string | RegExp): Promise<Locator> {
  const row = treeRow(page, label).first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle(), {
    timeout: 30000,
  });
  return row;
}

/** Opens the Azure Backup view and returns the text of its welcome content (viewsWelcome: shown while signed out). */
export async function openWelcome(page: Page): Promise<string> {
  await activityItem(page, 'Azure Backup').click();
  const welcome = page.locator('.part.sidebar .welcome-view-content');
  await welcome.waitFor({ timeout: 30000 });
  return welcome.innerText();
}

/** Right-click a row and return the (HTML) context-menu entry with this label. */
export async function contextMenuItem(page: Page, row: Locator, label: string): Promise<Locator> {
  await row.click({ button: 'right' });
  const item = page
    .locator('.context-view .monaco-menu .action-item:not(.disabled) .action-label', { hasText: label })
    .first();
  await item.waitFor();
  return item;
}

/** Open the command palette, type a command title and return its row (F1 pre-fills '>', fill() replaces it). */
export async function paletteCommand(page: Page, title: string): Promise<Locator> {
  await page
    .locator('.monaco-workbench')
    .focus()
    .catch(() => undefined);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  return row;
}

export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await (await paletteCommand(page, title)).click();
}

/** A QuickPick row by its label text (after a command opened a picker). */
export function quickPickRow(page: Page, label: string | RegExp): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
}

/** The dialog VS Code shows for a modal message (custom dialogs in the web workbench). */
export function modalDialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

/**
 * A webview's own document lives two frames deep: iframe.webview (pre/index.html, extensionId in its src)
 * > iframe#active-frame (our HTML). Returns that inner frame once its document has the given title.
 */
export async function webviewFrame(page: Page, title: string | RegExp, timeout = 30000): Promise<Frame> {
  const matches = (t: string): boolean => (typeof title === 'string' ? t === title : title.test(t));
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const parent = frame.parentFrame();
      if (!parent || !parent.url().includes('/webview/') || !parent.url().includes(`extensionId=${EXTENSION_ID}`))
        continue;
      try {
        const element = await frame.frameElement();
        if ((await element.getAttribute('id')) === 'active-frame' && matches(await frame.title())) return frame;
      } catch {
        /* the frame was replaced while loading */
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`webview "${String(title)}" not found`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
