// Microsoft's Azure Resources and Azure Virtual Machines extensions (vendored vsix files, built for VS Code 1.100)
// installed into a test's code-server next to ours, and the test authentication provider as a small extension of
// its own, so that all three sign in to the same custom cloud: a sandbox this process runs.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { codeServerBinary, REPO } from '../harness/codeServer';

export const VENDOR_DIR =
  process.env.AZB_AZURE_EXTENSIONS_DIR ?? path.resolve(REPO, '../shared/vendor/azure-extensions');
/** Install order matters: Azure Virtual Machines depends on Azure Resources. */
export const MICROSOFT_EXTENSIONS = [
  {
    file: 'vscode-azureresourcegroups-0.11.2.vsix',
    id: 'ms-azuretools.vscode-azureresourcegroups',
    name: 'Azure Resources',
  },
  {
    file: 'vscode-azurevirtualmachines-0.6.9.vsix',
    id: 'ms-azuretools.vscode-azurevirtualmachines',
    name: 'Azure Virtual Machines',
  },
];

export function vendoredExtensionsPresent(): boolean {
  return MICROSOFT_EXTENSIONS.every((e) => fs.existsSync(path.join(VENDOR_DIR, e.file)));
}

/** `code-server --install-extension` of both vsix files into the run's extensions folder. */
export function installMicrosoftExtensions(runDir: string): void {
  const bin = codeServerBinary();
  const home = path.join(runDir, 'home');
  fs.mkdirSync(home, { recursive: true });
  for (const e of MICROSOFT_EXTENSIONS) {
    execFileSync(
      bin,
      [
        '--extensions-dir',
        path.join(runDir, 'extensions'),
        '--user-data-dir',
        path.join(runDir, 'user-data'),
        '--install-extension',
        path.join(VENDOR_DIR, e.file),
        '--force',
      ],
      { env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
  }
  // The install writes extensions.json listing only what it installed, and VS Code then loads only those; without
  // the file it loads every extension folder, ours (linked) and the test account's included.
  fs.rmSync(path.join(runDir, 'extensions', 'extensions.json'), { force: true });
}

/**
 * An extension that registers the test authentication provider (test/host/auth) under the custom-cloud id, signed
 * in from the start, as a user signed in from the Accounts menu would be. Its code is the compiled provider.
 */
export function installTestAccountExtension(runDir: string): void {
  const dir = path.join(runDir, 'extensions', 'azbackup-test.test-account-1.0.0');
  fs.mkdirSync(dir, { recursive: true });
  const compiled = path.join(REPO, 'out', 'test', 'host', 'auth');
  for (const f of ['testAccountProvider.js', 'testAccount.js'])
    fs.copyFileSync(path.join(compiled, f), path.join(dir, f));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'test-account',
        publisher: 'azbackup-test',
        version: '1.0.0',
        engines: { vscode: '^1.95.0' },
        main: './extension.js',
        activationEvents: ['*'],
        capabilities: { untrustedWorkspaces: { supported: true } },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    [
      "const vscode = require('vscode');",
      "const { TestAccountProvider } = require('./testAccountProvider');",
      "const { SOVEREIGN_PROVIDER_ID } = require('./testAccount');",
      'exports.activate = (context) => {',
      '  const provider = new TestAccountProvider();',
      '  provider.signInFromAccountsMenu();',
      "  context.subscriptions.push(provider, vscode.authentication.registerAuthenticationProvider(SOVEREIGN_PROVIDER_ID, 'Contoso test account', provider));",
      '};',
      '',
    ].join('\n'),
  );
}

/** User settings that point the Microsoft account library (ours and theirs) at a custom cloud served by `endpoint`. */
export function customCloudSettings(endpoint: string): Record<string, unknown> {
  return {
    'microsoft-sovereign-cloud.environment': 'custom',
    'microsoft-sovereign-cloud.customEnvironment': {
      name: 'ContosoTestCloud',
      portalUrl: 'https://portal.contoso.test',
      managementEndpointUrl: `${endpoint}/`,
      resourceManagerEndpointUrl: `${endpoint}/`,
      activeDirectoryEndpointUrl: 'https://login.contoso.test/',
      activeDirectoryResourceId: `${endpoint}/`,
    },
  };
}
