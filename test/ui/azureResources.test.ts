// The "Azure Backup" submenu in Microsoft's Azure view, for real: Azure Resources and Azure Virtual Machines (the
// vendored vsix files) installed next to ours, all three signed in through the test authentication provider to a
// custom cloud whose Resource Manager is a sandbox this process runs (its CA trusted by that code-server only).
// Right-click a VM in the Azure view → Azure Backup → Enable Backup… → our form for that VM → submit → our tree
// shows it protected. With AZB_UPDATE_SCREENSHOTS=1 it renews media/screenshots/azure-resources-submenu.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { grantTestAccountAccess } from '../harness/accountAccess';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import {
  customCloudSettings,
  installMicrosoftExtensions,
  installTestAccountExtension,
  MICROSOFT_EXTENSIONS,
  VENDOR_DIR,
  vendoredExtensionsPresent,
} from './azureExtensions';
import {
  chooseOption,
  clearHovers,
  formResult,
  openForm,
  renewReadmeScreenshot,
  submitForm,
  waitForRow,
} from './journeys/helpers';
import { openWorkbench, type WorkbenchSession } from './session';
import { activityItem, expandTreeRow, runPaletteCommand, treeRow } from './workbench';

const SUBSCRIPTION = 'Sandbox Subscription';
// The first VM of the story in the Azure view's list, so that its row is drawn without scrolling.
const VM = 'app-linux-01';

describe('Azure Backup submenu in the Azure view (Azure Resources + Azure Virtual Machines installed)', function () {
  this.timeout(600_000);
  let sandbox: RunningSandbox | undefined;
  let session: WorkbenchSession | undefined;
  let failed = false;

  let caPath = '';
  const caFile = (): string => caPath;

  before(async () => {
    assert.ok(
      vendoredExtensionsPresent(),
      `the Microsoft extensions' vsix files are not in ${VENDOR_DIR} (AZB_AZURE_EXTENSIONS_DIR names another folder)`,
    );
    sandbox = await startSandbox({ seed: 'story', speed: 20 });
    const running = sandbox;
    caPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'azb-ca-')), 'sandbox-ca.pem');
    fs.writeFileSync(caPath, running.ca);
    session = await openWorkbench({
      name: 'azure-resources',
      // VS Code's network support gives extensions' https requests the system's CA list, which leaves out
      // NODE_EXTRA_CA_CERTS (DEPTH_ZERO_SELF_SIGNED_CERT): with it off, Node's own trust applies, the sandbox's CA included.
      settings: {
        ...customCloudSettings(running.endpoint),
        'azureBackup.startInSandbox': false,
        'http.proxySupport': 'off',
        'http.systemCertificates': false,
        'http.experimental.systemCertificatesV2': false,
      },
      beforeStart: async (userDataDir) => {
        const runDir = path.dirname(userDataDir);
        installMicrosoftExtensions(runDir);
        installTestAccountExtension(runDir);
      },
      env: { NODE_EXTRA_CA_CERTS: caFile() },
      beforeOpen: (page, origin) => grantTestAccountAccess(page, origin, MICROSOFT_EXTENSIONS),
    });
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });
  after(async () => {
    if (failed) await session?.screenshot('failure').catch(() => undefined);
    await session?.stop({ keepOutput: failed });
    await sandbox?.stop();
  });

  it('right-click a VM in the Azure view → Azure Backup → Enable Backup… → our form for it → protected in our tree', async () => {
    assert.ok(session && sandbox);
    const { page } = session;
    // Our view signs in with the same account and cloud.
    await runPaletteCommand(page, 'Azure Backup: Sign in to Azure');
    await activityItem(page, 'Azure Backup').click();
    await treeRow(page, SUBSCRIPTION).first().waitFor({ timeout: 60_000 });

    // Microsoft's Azure view: subscription → Virtual machines → the VM.
    await activityItem(page, 'Azure (').click();
    await expandTreeRow(page, SUBSCRIPTION);
    await expandTreeRow(page, /^Virtual machines$/);
    const row = treeRow(page, VM).first();
    await row.waitFor({ timeout: 60_000 });
    await session.screenshot('azure-view');

    // Azure Virtual Machines resolves each VM row after the view lists it, and only then does the row say it is a
    // VM: until then its menu has Azure Resources' entries only. A user right-clicking again a moment later sees it.
    const submenu = page.locator('.context-view .monaco-menu .action-label', { hasText: /^Azure Backup$/ }).first();
    const deadline = Date.now() + 60_000;
    for (;;) {
      await clearHovers(page);
      await row.click({ button: 'right' });
      if (
        await submenu.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error(`the menu of ${VM} never had the Azure Backup submenu`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
    await submenu.hover();
    const enable = page.locator('.context-view .monaco-menu .action-label', { hasText: /^Enable Backup…$/ }).first();
    await enable.waitFor();
    for (const entry of ['Backup Status', 'Backup Now…', 'Show in Azure Backup View']) {
      await page.locator('.context-view .monaco-menu .action-label', { hasText: entry }).first().waitFor();
    }
    await session.screenshot('submenu');
    await renewReadmeScreenshot(page, '.monaco-workbench', 'azure-resources-submenu.png', { width: 680, height: 740 });
    await enable.click();

    const form = await openForm(page, `Enable backup: ${VM}`);
    await chooseOption(form, 'vscode-single-select[name=vault]', 'contoso-vault');
    await chooseOption(form, 'vscode-single-select[name=policy]', 'DefaultPolicy');
    await submitForm(form);
    assert.match(await formResult(form), new RegExp(`Configuring backup for ${VM}…`));
    await session.screenshot('form-result');

    await activityItem(page, 'Azure Backup').click();
    await expandTreeRow(page, SUBSCRIPTION);
    await expandTreeRow(page, 'Virtual machines');
    await waitForRow(page, VM, /^(Initial backup pending in|Protected by) contoso-vault/, 90_000);
    await session.screenshot('protected');
    assert.ok(
      sandbox.requestLog
        .entries()
        .some(
          (e) =>
            e.method === 'PUT' &&
            /protectedItems\/vm;iaasvmcontainerv2;contoso-web-rg;app-linux-01$/i.test(decodeURIComponent(e.path)),
        ),
      'the protection was written to the sandbox both views read',
    );
  });
});
