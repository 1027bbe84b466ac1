// A form's messages where the user reads them, on the real workbench: "Enable backup" from a VM, creating a new
// vault. A name the page's own rules refuse is flagged as it is typed; a name only the host can refuse (taken in the
// VM's resource group: the page does not ask Azure) comes back on submit and lands next to the same field, in the
// group of that field, while what was typed stays in it.
import * as assert from 'assert';
import { expandTreeRow } from './workbench';
import {
  assertNoCspViolations,
  chooseOption,
  formError,
  journeyWorkbench,
  messageNextTo,
  openForm,
  openSandboxTree,
  runFromContextMenu,
  submitDisabled,
  submitForm,
  typeInto,
  waitForRow,
} from './journeys/helpers';
import { seedSandbox } from './seedSandbox';

const VM = 'forms-ui-vm';
/** The story's vault, in the resource group the seeded VM is put in. */
const TAKEN = 'contoso-vault';
const NAME_FIELD = 'vscode-textfield[name=newVaultName]';

describe('Field messages in a form (UI)', function () {
  const session = journeyWorkbench({
    name: 'field-messages',
    beforeStart: (userData) =>
      seedSandbox(userData, (s) => {
        s.control.addVm({ resourceGroup: 'contoso-backup-rg', name: VM, location: 'westeurope' });
      }),
  });

  it("shows a rule as it is typed and the host's refusal on submit next to the new vault name, keeping the name", async () => {
    const { page } = session();
    await openSandboxTree(page);
    await expandTreeRow(page, 'Virtual machines');
    await waitForRow(page, VM, /./);
    await runFromContextMenu(page, VM, 'Enable Backup…');
    const form = await openForm(page, `Enable backup: ${VM}`);
    await chooseOption(form, 'vscode-single-select[name=vault]', 'Create a new vault');
    await chooseOption(form, 'vscode-single-select[name=policy]', 'DefaultPolicy');

    await typeInto(form, NAME_FIELD, 'v'.repeat(51));
    assert.strictEqual(
      await messageNextTo(form, NAME_FIELD, 'The name must be 2 to 50 characters long.'),
      'The name must be 2 to 50 characters long.',
    );
    assert.ok(await submitDisabled(form), 'no submit while the name breaks a rule');
    await session().screenshot('rule-while-typing');

    await typeInto(form, NAME_FIELD, TAKEN);
    await submitForm(form);
    const taken = 'Resource already exists with the same name.';
    assert.strictEqual(await messageNextTo(form, NAME_FIELD, taken), taken);
    assert.match(await formError(form), new RegExp(taken.replace('.', '\\.')));
    assert.strictEqual(await form.locator(`${NAME_FIELD} input`).inputValue(), TAKEN, 'the draft is kept');
    await session().screenshot('refused-on-submit');
    assertNoCspViolations(session());
  });
});
