// VS Code asks the user, in a modal dialog, before an extension may use an account; in extension-test mode the
// workbench refuses to show such dialogs. The host suite's account is therefore granted to Azure Backup before
// the workbench starts, as VS Code records it after a user's "Allow": an entry "<provider>-<account>" listing the
// allowed extensions, in the browser's application storage (IndexedDB `vscode-web-state-db-global`, ItemTable).
import type { Page } from 'playwright-core';
import { EXTENSION, SOVEREIGN_PROVIDER_ID, TEST_ACCOUNT } from '../host/auth/testAccount';

/** Grants the test account to Azure Backup, and to the other extensions named (e.g. Microsoft's Azure extensions). */
export async function grantTestAccountAccess(
  page: Page,
  origin: string,
  others: { id: string; name: string }[] = [],
): Promise<void> {
  const key = `${SOVEREIGN_PROVIDER_ID}-${TEST_ACCOUNT.label}`;
  const value = JSON.stringify([EXTENSION, ...others].map((e) => ({ id: e.id, name: e.name, allowed: true })));
  await page.goto(`${origin}/manifest.json`); // any page of the workbench's origin: storage is per origin
  // Runs in the page (this project compiles without DOM types, hence a script text).
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('vscode-web-state-db-global');
    open.onupgradeneeded = () => open.result.createObjectStore('ItemTable');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('ItemTable', 'readwrite');
      tx.objectStore('ItemTable').put(${JSON.stringify(value)}, ${JSON.stringify(key)});
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}
