// The coverage page's new-vault inputs at their boundaries, posted as its page posts them: a refused value comes
// back as the message next to its field (not as silence, which left the page on "Working…"), with no write reaching
// the sandbox; the last allowed values are accepted by the sandbox. Vault-name values are the form table's.
import * as assert from 'assert';
import { vaultFieldStrings } from '../../../src/webview/fieldMessages';
import type { CoveragePanel } from '../../../src/coverage/coveragePanel';
import type { CoverageHostMessage } from '../../../src/coverage/protocol';
import { useApi } from '../ui/helpers';
import { SUBSCRIPTION } from '../reliability/fixtures';
import { refusedNames } from '../forms/boundaryCases';
import { writes } from '../forms/sandboxWrites';

const RG = 'coverage-bounds-rg';
const LOCATION = 'westeurope';
/** Made before the rows run, so that its name is taken in RG. */
const TAKEN = 'coverage-bounds-vault';
/** The longest resource group name (90 characters), made before the rows run. */
const LONG_RG = 'g'.repeat(90);

interface Row {
  input: string;
  name?: string;
  resourceGroup?: string;
  field: 'name' | 'resourceGroup';
  key?: string;
  text?: string;
}

const nameRows: Row[] = refusedNames
  .filter(([, , , key]) => key !== undefined)
  .map(([rule, input, name, key]) => ({ input: `${rule}: ${input}`, name, field: 'name', key: key as string }));
const refused: Row[] = [
  ...nameRows,
  {
    input: 'unique in the resource group: a vault there',
    name: TAKEN,
    field: 'name',
    text: 'Resource already exists with the same name.',
  },
  { input: 'resource group: empty', resourceGroup: '', field: 'resourceGroup', key: 'resourceGroup.length' },
  {
    input: 'resource group: 91 characters',
    resourceGroup: 'g'.repeat(91),
    field: 'resourceGroup',
    key: 'resourceGroup.length',
  },
  { input: 'resource group: a period last', resourceGroup: `${RG}.`, field: 'resourceGroup', key: 'resourceGroup.end' },
  {
    input: 'resource group: a hash',
    resourceGroup: 'coverage#rg',
    field: 'resourceGroup',
    key: 'resourceGroup.characters',
  },
];
const accepted: { input: string; name: string; resourceGroup: string }[] = [
  { input: 'vault name: 2 characters', name: 'cb', resourceGroup: RG },
  { input: 'vault name: 50 characters', name: 'c'.repeat(50), resourceGroup: RG },
  { input: 'resource group: 90 characters', name: 'coverage-long-rg-vault', resourceGroup: LONG_RG },
];

describe('Coverage page inputs at their boundaries: a message next to the field, nothing sent to Azure', function () {
  this.timeout(120_000);
  const host = useApi();
  let panel: CoveragePanel;
  let requestId = 100;
  const createVault = (name: string, resourceGroup: string) => ({
    type: 'createVault',
    requestId: ++requestId,
    subscriptionId: SUBSCRIPTION,
    location: LOCATION,
    resourceGroup,
    name,
  });
  const replyTo = (
    id: number,
    reply: CoverageHostMessage | undefined,
  ): Extract<CoverageHostMessage, { type: 'coverageReply' }> => {
    assert.ok(
      reply?.type === 'coverageReply' && reply.requestId === id,
      `the page got its answer: ${JSON.stringify(reply)}`,
    );
    return reply;
  };

  before(async () => {
    panel = (await host.api.run('azureBackup.showCoverage')) as CoveragePanel;
    const control = host.sandbox.control;
    control.addVm({ resourceGroup: RG, name: 'coverage-bounds-vm', location: LOCATION });
    control.addVm({ resourceGroup: LONG_RG, name: 'coverage-bounds-vm', location: LOCATION });
    const made = createVault(TAKEN, RG);
    assert.ok(replyTo(made.requestId, await panel.receiveConfirmed(made)).ok, 'the taken vault was made');
  });
  after(() => panel?.dispose());

  for (const row of refused) {
    it(`createVault · ${row.input}: refused on ${row.field}`, async () => {
      const log = host.sandbox.requestLog;
      const mark = log.entries().length;
      // Through the channel as the page sends it; a refusal must come before the confirmation dialog.
      const message = createVault(row.name ?? 'coverage-new-vault', row.resourceGroup ?? RG);
      const reply = replyTo(message.requestId, await panel.receive(message));
      assert.ok(!reply.ok, `refused: ${JSON.stringify(reply)}`);
      const text = row.text ?? vaultFieldStrings()[row.key as string];
      assert.deepStrictEqual(
        { field: reply.error.field, message: reply.error.message },
        { field: row.field, message: text },
      );
      assert.strictEqual(reply.error.code, undefined, 'a message of the page, not an error from Azure');
      assert.deepStrictEqual(writes(log.entries().slice(mark)), [], 'nothing was written to Azure');
    });
  }

  for (const row of accepted) {
    it(`createVault · ${row.input}: accepted`, async () => {
      const log = host.sandbox.requestLog;
      const mark = log.entries().length;
      const message = createVault(row.name, row.resourceGroup);
      const reply = replyTo(message.requestId, await panel.receiveConfirmed(message));
      assert.ok(reply.ok, `accepted: ${JSON.stringify(reply)}`);
      assert.strictEqual(reply.result.vault?.name, row.name);
      const written = writes(log.entries().slice(mark));
      assert.ok(
        written.length > 0 && written.every((w) => /→ 2\d\d$/.test(w)),
        `the write reached the sandbox and succeeded: ${written.join(', ')}`,
      );
    });
  }

  it('a valid name sent without confirmation gets an answer too, and nothing is written', async () => {
    const log = host.sandbox.requestLog;
    const mark = log.entries().length;
    const message = createVault('coverage-unconfirmed', RG);
    // Extension-test mode shows no modal dialog: the confirmation is not given, so the request is cancelled.
    const reply = replyTo(message.requestId, await panel.receive(message));
    assert.ok(!reply.ok && reply.error.field === undefined, JSON.stringify(reply));
    assert.deepStrictEqual(writes(log.entries().slice(mark)), []);
  });
});
