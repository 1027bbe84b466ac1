import * as assert from 'assert';
import { useWorkbench } from './session';
import { openWelcome } from './workbench';

describe('The Azure Backup view (UI)', function () {
  // Not in the sandbox: a newcomer without an account sees the welcome content.
  const workbench = useWorkbench({ name: 'welcome', settings: { 'azureBackup.startInSandbox': false } });

  it('opens from the activity bar and shows its welcome content with sign-in and sandbox', async () => {
    const text = await openWelcome(workbench().page);
    await workbench().screenshot('welcome');
    assert.match(text, /Sign in to Azure/);
    assert.match(text, /Open the sandbox/);
  });
});
