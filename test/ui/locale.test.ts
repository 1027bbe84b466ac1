// The UI in Dutch: with locale 'nl' (a fixture language pack, test/fixtures/language-pack-nl) the workbench and
// the extension host run in Dutch, so our contributions show the texts of package.nls.nl.json.
import * as assert from 'assert';
import { useWorkbench } from './session';
import { openWelcome } from './workbench';

describe('The Azure Backup view in Dutch (UI)', function () {
  // Not in the sandbox, so that the view shows its welcome content.
  const workbench = useWorkbench({
    name: 'locale-nl',
    locale: 'nl',
    settings: { 'azureBackup.startInSandbox': false },
  });

  it('runs the workbench in Dutch', async () => {
    // The language the workbench loaded its messages for; it starts the extension host with the same one.
    const language = await workbench().page.evaluate(
      () => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE,
    );
    assert.strictEqual(language, 'nl');
  });

  it('shows the welcome content with the Dutch texts of package.nls.nl.json', async () => {
    const text = await openWelcome(workbench().page);
    await workbench().screenshot('welcome-nl');
    assert.match(text, /Aanmelden bij Azure/);
    assert.match(text, /De sandbox openen/);
    assert.doesNotMatch(text, /Sign in to Azure|Open the sandbox/);
  });
});
