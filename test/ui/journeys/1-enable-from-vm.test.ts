// Journey (1): right-click a VM in the tree → "Enable backup" → the vault and DefaultPolicy → the item is pending.
import { ENGLISH_TEXTS, enableBackupFromVm } from './enableFromVm';
import { journeyWorkbench } from './helpers';

describe('Journey 1: enable backup from a VM (UI)', function () {
  const session = journeyWorkbench({ name: 'journey-1-enable-from-vm' });

  it('protects web-vm-02 with contoso-vault and DefaultPolicy; the item shows "Warning (initial backup pending)"', async () => {
    await enableBackupFromVm(session(), ENGLISH_TEXTS);
  });
});
