// No secret leaves the process: the main workflows run with the log at trace level, with a fault and with an
// expired JWT-shaped token, and then the log channel (what Log wrote and the channel's file under logUri) and
// every file under global storage (sandbox data, CA) are searched for anything token-like.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';
import { RG, LOCATION, runCommand, useExpiredToken } from '../reliability/fixtures';

// A JWT-shaped token the sandbox treats as expired (Bearer values starting with "expired").
const JWT = 'expiredeyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZWxpYWJpbGl0eSJ9.c2lnbmF0dXJlLXNlY3JldC1YWVo';
const SANDBOX_TOKEN = 'sandbox-local-token';

/** Every way a secret could show: the header, a bearer value, our tokens or a piece of one, JWTs, long mixed-case runs. */
function leaks(text: string): string[] {
  const found: string[] = [];
  // An Authorization header (name and value), not the word: ARM's AuthorizationFailed code is shown to users.
  if (/\bauthorization["']?\s*[:=]/i.test(text)) found.push('Authorization');
  const bearer = /bearer\s+(?!\*\*\*)[^\s"']+/i.exec(text);
  if (bearer) found.push(bearer[0]);
  for (const piece of [SANDBOX_TOKEN, ...JWT.split('.'), 'expired-token']) if (text.includes(piece)) found.push(piece);
  const jwt = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/.exec(text);
  if (jwt) found.push(jwt[0]);
  // Base64(url) runs of 32+ characters mixing cases and digits ("=" and "/" end a run: key=value, paths; so does a
  // percent escape, or a long name after an encoded ';' in a logged path, "%3Blong-nnn…", would read as mixed case).
  for (const run of text.replace(/%[0-9A-Fa-f]{2}/g, ' ').match(/[A-Za-z0-9_+-]{32,}/g) ?? []) {
    if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)) found.push(run);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('Security: no secrets in logs or files', function () {
  this.timeout(120_000);
  const host = useApi();
  const written: string[] = [];

  before(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
  });
  after(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
  });

  it('runs the workflows at trace level, with a fault and an expired token', async () => {
    const tap = host.api.log.onDidWrite((_level, line) => written.push(line));
    try {
      assert.strictEqual(host.api.log.channel.logLevel, vscode.LogLevel.Trace, 'the channel logs at trace level');
      await vscode.commands.executeCommand('azureBackup.refresh');
      for (const group of ['Backup items', 'Backup jobs', 'Backup policies'])
        await host.api.tree.getChildren(await nodeAt(host.api, SUB, VAULTS, 'contoso-vault', group));
      await host.api.tree.getChildren(await nodeAt(host.api, SUB, VMS));
      const { sandbox } = host;
      sandbox.control.addVm({ resourceGroup: RG, name: 'secrets-vm', location: LOCATION });
      const vault = await runCommand(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
        name: `secrets-vault-${Date.now() % 100_000}`,
        resourceGroup: RG,
        location: LOCATION,
      });
      assert.ok(vault);
      const item = await nodeAt(host.api, SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01');
      const retainUntil = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
      sandbox.setFaults({ rate: 1, kinds: ['throttle'], count: 1, pathPattern: '/backupJobs', methods: ['GET'] });
      await runCommand(host.api, 'azureBackup.backupNow', item, { retainUntil });
      sandbox.setFaults(undefined);
      const expired = await useExpiredToken(host.api, JWT);
      try {
        await runCommand(
          host.api,
          'azureBackup.createPolicy',
          await nodeAt(host.api, SUB, VAULTS, 'contoso-vault').catch(() => undefined),
          {
            name: 'Leak',
            timeZone: 'UTC',
            instantRestoreDays: 2,
            schedule: { frequency: 'Daily', time: '21:00' },
            retention: { dailyDays: 14 },
          },
        );
        await host.api.tree.getChildren();
      } finally {
        await expired.restore();
      }
      assert.ok(
        host.api.log.shownErrors().some((e) => e.code === 'ExpiredAuthenticationToken'),
        'the expired token was used and refused',
      );
      host.api.log.info('secrets-test-marker');
    } finally {
      tap.dispose();
    }
    assert.ok(
      written.some((l) => l.startsWith('command ')),
      'debug lines were written',
    );
    assert.ok(written.length > 20, `the workflows were logged (${written.length} lines)`);
  });

  it('nothing token-like in what Log wrote', () => {
    assert.deepStrictEqual(leaks(written.join('\n')), []);
  });

  it("nothing token-like in the channel's log file", async () => {
    let files: string[] = [];
    for (let i = 0; i < 50; i++) {
      files = filesUnder(host.api.logUri.fsPath).filter((f) =>
        fs.readFileSync(f, 'utf8').includes('secrets-test-marker'),
      );
      if (files.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(
      files.length > 0,
      `the channel's file is under ${host.api.logUri.fsPath}: ${filesUnder(host.api.logUri.fsPath).join(', ')}`,
    );
    for (const file of filesUnder(host.api.logUri.fsPath))
      assert.deepStrictEqual(leaks(fs.readFileSync(file, 'utf8')), [], file);
  });

  it('nothing token-like in any file under global storage (sandbox data, CA)', async () => {
    await new Promise((r) => setTimeout(r, 1500)); // the sandbox persists on a short debounce
    const files = filesUnder(host.api.storageUri.fsPath);
    assert.ok(
      files.some((f) => f.endsWith('sandbox.json')),
      files.join(', '),
    );
    for (const file of files) {
      let text = fs.readFileSync(file, 'utf8');
      assert.ok(!/PRIVATE KEY/.test(text), `${file}: no private key`);
      text = text.replace(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g, ''); // the CA's public certificate
      assert.deepStrictEqual(leaks(text), [], file);
    }
  });
});
