import * as assert from 'assert';
import { WorkbenchSession, openWorkbench } from './session';
import { activityItem, welcomeContent } from './workbench';

describe('The Azure Backup view (UI)', function () {
  let session: WorkbenchSession;
  let failed = false;

  before(async () => {
    // Not in the sandbox: a newcomer without an account sees the welcome content.
    session = await openWorkbench({ name: 'welcome', settings: { 'azureBackup.startInSandbox': false } });
  });
  afterEach(function () { if (this.currentTest?.state === 'failed') failed = true; });
  after(async () => {
    if (failed) await session?.screenshot('failure').catch(() => undefined);
    await session?.stop({ keepOutput: failed });
  });

  it('opens from the activity bar and shows its welcome content with sign-in and sandbox', async () => {
    const { page } = session;
    await activityItem(page, 'Azure Backup').click();
    const welcome = welcomeContent(page);
    await welcome.waitFor({ timeout: 30000 });
    await session.screenshot('welcome');
    const text = await welcome.innerText();
    assert.match(text, /Sign in to Azure/);
    assert.match(text, /Open the sandbox/);
  });
});
