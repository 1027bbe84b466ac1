// The host's own guards on forms, whatever the page sends (a page message is untrusted): a new policy may not take
// the name of one the vault has (saving it would replace that policy), and a form that succeeded takes no second
// submit. Refused requests must leave the sandbox without a write.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Policy } from '../../../src/azure/model';
import type { HostMessage, PolicyInit } from '../../../src/webview/protocol';
import { nodeAt, SUB, useApi, VAULTS } from '../ui/helpers';
import { writes } from './sandboxWrites';

const VAULT = 'contoso-vault';
const nightly = (name: string): Record<string, unknown> => ({
  name,
  timeZone: 'UTC',
  instantRestoreDays: 2,
  schedule: { frequency: 'Daily', time: '21:00' },
  retention: { dailyDays: 7 },
});

describe('Form guards in the host: taken policy names, no second submit', function () {
  this.timeout(120_000);
  const host = useApi();
  let requestId = 500;

  const defaultPolicy = async (): Promise<Policy> => {
    const service = await host.api.session.service(host.sandbox.subscriptionIds()[0]);
    return service.getPolicy(
      { subscriptionId: host.sandbox.subscriptionIds()[0], resourceGroup: 'contoso-backup-rg', name: VAULT },
      'DefaultPolicy',
    );
  };
  const createForm = async () => {
    await vscode.commands.executeCommand('azureBackup.createPolicy', await nodeAt(host.api, SUB, VAULTS, VAULT));
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'policy' && p.definition.key.endsWith('/#new'));
    assert.ok(panel, 'the create form opened');
    return panel;
  };
  const submit = async (
    panel: Awaited<ReturnType<typeof createForm>>,
    payload: unknown,
  ): Promise<{ reply: HostMessage | undefined; written: string[] }> => {
    const mark = host.sandbox.requestLog.entries().length;
    const id = ++requestId;
    const reply = (await panel.receive({ type: 'submit', requestId: id, payload })) as HostMessage | undefined;
    assert.ok(reply?.type === 'reply' && reply.requestId === id, `answered: ${JSON.stringify(reply)}`);
    return { reply, written: writes(host.sandbox.requestLog.entries().slice(mark)) };
  };
  afterEach(() => {
    for (const p of host.api.forms.list()) p.dispose();
  });

  it('refuses a new policy named like an existing one, in any case, next to the name, and DefaultPolicy stays as it was', async () => {
    const before = await defaultPolicy();
    const panel = await createForm();
    for (const name of ['DefaultPolicy', 'defaultpolicy']) {
      const { reply, written } = await submit(panel, nightly(name));
      assert.ok(reply?.type === 'reply' && !reply.ok, `refused: ${JSON.stringify(reply)}`);
      assert.deepStrictEqual(
        { field: reply.error.field, message: reply.error.message, code: reply.error.code },
        { field: 'name', message: 'A policy named DefaultPolicy already exists in this vault.', code: undefined },
      );
      assert.deepStrictEqual(written, [], 'nothing was written to Azure');
    }
    const mark = host.sandbox.requestLog.entries().length;
    await assert.rejects(
      host.api.run('azureBackup.createPolicy', await nodeAt(host.api, SUB, VAULTS, VAULT), nightly('DEFAULTPOLICY')),
      /already exists/,
    );
    assert.deepStrictEqual(
      writes(host.sandbox.requestLog.entries().slice(mark)),
      [],
      'the command with arguments writes nothing either',
    );
    const after = await defaultPolicy();
    assert.deepStrictEqual(
      { schedule: after.schedule, retention: after.retention },
      { schedule: before.schedule, retention: before.retention },
    );
  });

  it("opens the taken name's policy for editing from the create form, and nothing for a name the vault does not have", async () => {
    const panel = await createForm();
    await panel.receive({ type: 'editPolicy', name: 'DefaultPolicy' });
    const edit = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'policy' && p.definition.key.toLowerCase().endsWith('/defaultpolicy'));
    assert.ok(edit, 'the edit form of DefaultPolicy opened');
    const init = edit.definition.init as PolicyInit;
    assert.strictEqual(init.mode, 'edit');
    assert.ok((init.protectedItems ?? 0) >= 1, 'it knows the items the policy protects');
    const shown = host.api.log.shownCount;
    await panel.receive({ type: 'editPolicy', name: 'NoSuchPolicy' });
    assert.strictEqual(host.api.forms.list().filter((p) => p.definition.kind === 'policy').length, 2, 'no other form');
    assert.strictEqual(host.api.log.shownCount, shown + 1, 'an error is shown');
    assert.strictEqual(
      await panel.receive({ type: 'editPolicy', name: 'x'.repeat(151) }),
      undefined,
      'refused by the channel',
    );
  });

  it('takes no second submit once a form succeeded; opening it again gives a new form', async () => {
    const panel = await createForm();
    const first = await submit(panel, nightly(`Guarded${Date.now() % 100000}`));
    assert.ok(first.reply?.type === 'reply' && first.reply.ok, JSON.stringify(first.reply));
    const second = await submit(panel, nightly(`Again${Date.now() % 100000}`));
    assert.ok(
      second.reply?.type === 'reply' && !second.reply.ok,
      `a second submit is refused: ${JSON.stringify(second.reply)}`,
    );
    assert.deepStrictEqual(second.written, [], 'nothing was written to Azure');
    const again = await createForm();
    assert.notStrictEqual(again, panel, 'a new form, not the finished one');
  });
});
