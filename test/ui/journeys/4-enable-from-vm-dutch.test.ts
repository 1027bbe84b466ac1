// Journey (4): journey (1) with the whole UI in Dutch: the tree, its context menu, the form (strings from the
// host's l10n bundle), the result and the item's description.
import * as assert from 'assert';
import { enableBackupFromVm, type EnableVmTexts } from './enableFromVm';
import { journeyWorkbench } from './helpers';

const DUTCH: EnableVmTexts = {
  vms: 'Virtuele machines',
  vaults: 'Recovery Services-kluizen',
  items: 'Back-upitems',
  menuEnable: 'Back-up inschakelen…',
  formTitle: (vm) => `Back-up inschakelen: ${vm}`,
  formLabels: ['Recovery Services-kluis', 'Back-upbeleid', 'Back-up inschakelen'],
  policySummary: /Dagelijks om 02:30 · 30 dagen/,
  running: 'Bezig…',
  result: (vm) => new RegExp(`Back-up configureren voor ${vm}…\\s+De taak bekijken`),
  viewJob: 'De taak bekijken',
  pending: 'Waarschuwing (eerste back-up in behandeling)',
  protectedBy: (vault) => new RegExp(`^(Eerste back-up in afwachting in|Beveiligd door) ${vault} · `),
  jobDocument: /Back-up configureren[\s\S]*Voltooid/,
  jobTitle: /^Back-uptaak /,
  // Dutch dates: day, abbreviated month, year, 24-hour time ("3 dec 2026, 09:27").
  startedAt: /Gestart\s+\d{1,2} [a-z]{3}\.? \d{4},? \d{2}:\d{2}/,
};

describe('Journey 4: enable backup from a VM, in Dutch (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-4-enable-from-vm-nl', locale: 'nl' });

  it('beveiligt web-vm-02 met contoso-vault en DefaultPolicy, in het Nederlands', async () => {
    await enableBackupFromVm(session(), DUTCH);
    // Nothing of the English UI leaks into the Dutch one.
    const tree = await session().page.locator('.part.sidebar').innerText();
    assert.doesNotMatch(tree, /Virtual machines|Backup items|initial backup pending/);
  });
});
