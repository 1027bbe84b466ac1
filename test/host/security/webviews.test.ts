// Every webview of the extension, opened for real: its HTML has the strict CSP (test/unit/security/cspCheck.ts),
// its resource roots are dist/ and media/ only, and a seeded sample of hostile messages posted to its real handler
// is refused without any Azure call, each one logged exactly once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CoveragePanel } from '../../../src/coverage/coveragePanel';
import type { FormKind } from '../../../src/webview/protocol';
import type { RequestLogEntry } from '../../../src/sandbox/types';
import { assertStrictCsp, cspOf } from '../../unit/security/cspCheck';
import { FORM_KINDS, hostileCoverageMessages, hostileFormMessages } from '../../unit/security/messageFuzz';
import { nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';

const VAULT = 'contoso-vault';
const SAMPLE = 300;

interface Page {
  kind: string;
  webview: vscode.Webview;
  options: vscode.WebviewOptions;
  receive(raw: unknown): Promise<unknown>;
  dispose(): void;
}

describe('Security: every webview', function () {
  this.timeout(120_000);
  const host = useApi();
  const pages: Page[] = [];

  before(async () => {
    // Keyed by kind: a kind added to the registry (src/webview/forms/index.ts) and not here fails to compile.
    const open: Record<FormKind, [string, () => Promise<unknown>]> = {
      createVault: ['azureBackup.createVault', async () => nodeAt(host.api, SUB, VAULTS)],
      storage: ['azureBackup.configureStorage', async () => nodeAt(host.api, SUB, VAULTS, VAULT)],
      enableBackupVm: ['azureBackup.enableBackup', async () => nodeAt(host.api, SUB, VMS, 'app-linux-01')],
      enableBackupVault: ['azureBackup.enableBackupFromVault', async () => nodeAt(host.api, SUB, VAULTS, VAULT)],
      backupNow: [
        'azureBackup.backupNow',
        async () => nodeAt(host.api, SUB, VAULTS, VAULT, 'Backup items', 'web-vm-01'),
      ],
      policy: ['azureBackup.createPolicy', async () => nodeAt(host.api, SUB, VAULTS, VAULT)],
      vaultSecurity: ['azureBackup.vaultSecurity', async () => nodeAt(host.api, SUB, VAULTS, VAULT)],
      restore: [
        'azureBackup.restore',
        async () =>
          (await host.api.tree.getChildren(await nodeAt(host.api, SUB, VAULTS, VAULT, 'Backup items', 'web-vm-01')))[0],
      ],
    };
    for (const kind of FORM_KINDS) {
      const [command, node] = open[kind];
      await host.api.run(command, await node());
      const panel = host.api.forms.list().find((p) => p.definition.kind === kind);
      assert.ok(panel, `the ${kind} form opened`);
      pages.push({
        kind,
        webview: panel.panel.webview,
        options: panel.panel.webview.options,
        receive: (raw) => panel.receive(raw),
        dispose: () => panel.dispose(),
      });
    }
    const coverage = (await host.api.run('azureBackup.showCoverage')) as CoveragePanel;
    await coverage.reload().catch(() => undefined);
    pages.push({
      kind: 'coverage',
      webview: coverage.panel.webview,
      options: coverage.panel.webview.options,
      receive: (raw) => coverage.receive(raw),
      dispose: () => coverage.dispose(),
    });
  });
  after(() => {
    for (const p of pages) p.dispose();
  });

  it('opens every form kind of the registry, restore among them, and the coverage page', () => {
    assert.ok(FORM_KINDS.includes('restore'));
    assert.deepStrictEqual(
      pages.map((p) => p.kind),
      [...FORM_KINDS, 'coverage'],
    );
  });

  it('details pages (policy, job): no script at all, styles only from the extension, root media, no command links', async () => {
    await host.api.run(
      'azureBackup.viewPolicy',
      await nodeAt(host.api, SUB, VAULTS, VAULT, 'Backup policies', 'DefaultPolicy'),
    );
    const jobs = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VAULTS, VAULT, 'Backup jobs'));
    await host.api.run('azureBackup.showJob', jobs[0]);
    const extension = vscode.extensions.getExtension('azbackup.azure-backup');
    assert.ok(extension);
    const panels = host.api.details.openPanels();
    assert.ok(panels.length >= 2, 'the policy and the job page are open');
    for (const panel of panels) {
      const { html, cspSource, options } = panel.webview;
      const csp = cspOf(html);
      assert.deepStrictEqual(csp.get('default-src'), ["'none'"]);
      assert.strictEqual(csp.get('script-src'), undefined, 'no script source: every script is refused');
      assert.deepStrictEqual(csp.get('style-src'), cspSource.split(/\s+/));
      assert.doesNotMatch(html, /<script|\son[a-z]+\s*=/i);
      assert.strictEqual(options.enableScripts, false);
      assert.strictEqual(options.enableCommandUris, false);
      assert.deepStrictEqual(
        (options.localResourceRoots ?? []).map((u) => u.toString()),
        [vscode.Uri.joinPath(extension.extensionUri, 'media').toString()],
      );
    }
    for (const panel of panels) panel.dispose();
  });

  it('each page: default-src none, scripts by a unique crypto nonce only, no unsafe sources, roots dist and media', () => {
    const extension = vscode.extensions.getExtension('azbackup.azure-backup');
    assert.ok(extension);
    const roots = ['dist', 'media'].map((d) => vscode.Uri.joinPath(extension.extensionUri, d).toString());
    const nonces = new Set<string>();
    for (const page of pages) {
      nonces.add(assertStrictCsp(page.webview.html, page.webview.cspSource));
      assert.deepStrictEqual(
        (page.options.localResourceRoots ?? []).map((u) => u.toString()).sort(),
        roots.sort(),
        `${page.kind}: resource roots`,
      );
      assert.strictEqual(page.options.enableCommandUris, false, `${page.kind}: no command links`);
    }
    assert.strictEqual(nonces.size, pages.length, 'a fresh nonce per page');
  });

  it(`each page's real handler refuses ${SAMPLE} hostile messages without an Azure call, each logged exactly once`, async () => {
    const { sandbox } = host;
    for (const page of pages) {
      const messages =
        page.kind === 'coverage'
          ? hostileCoverageMessages(SAMPLE, 5)
          : hostileFormMessages(page.kind as FormKind, SAMPLE, 11);
      const refusals: string[] = [];
      const tap = host.api.log.onDidWrite((_level, line) => {
        if (line.startsWith('Refused an invalid message')) refusals.push(line);
      });
      sandbox.requestLog.clear();
      try {
        for (const { message } of messages)
          assert.strictEqual(await page.receive(message), undefined, `${page.kind}: refused`);
      } finally {
        tap.dispose();
      }
      const calls: RequestLogEntry[] = sandbox.requestLog.entries().filter((e: RequestLogEntry) => e.method !== 'GET');
      assert.deepStrictEqual(
        calls.map((e) => `${e.method} ${e.path}`),
        [],
        `${page.kind}: no Azure write`,
      );
      assert.strictEqual(refusals.length, SAMPLE, `${page.kind}: one log line per refused message`);
      assert.ok(
        refusals.every((l) => l.length < 200),
        'log lines carry the type and size, not the content',
      );
    }
  });
});
