import * as assert from 'assert';
import { useWorkbench } from './session';
import { activityItem, welcomeContent } from './workbench';

describe('The Azure Backup view (UI)', function () {
  // Not in the sandbox: a newcomer without an account sees the welcome content.
  const workbench = useWorkbench({ name: 'welcome', settings: { 'azureBackup.startInSandbox': false } });

  it('opens from the activity bar and shows its welcome content with sign-in and sandbox', async () => {
    const { page } = workbench();
    await activityItem(page, 'Azure Backup').click();
    const welcome = welcomeContent(page);
    await welcome.waitFor({ timeout: 30000 });
    await workbench().screenshot('welcome');
    const text = await welcome.innerText();
    assert.match(text, /Sign in to Azure/);
    assert.match(text, /Open the sandbox/);
  });
});
