// The browser bundle of the forms (dist/webview.js). Only the components the forms use are imported.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-form-container/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { FormInitMap, HostMessage } from '../webview/protocol';
import { listen } from './channel';
import { createShell } from './formShell';
import { renderBackupNow } from './forms/backupNow';
import { renderCreateVault } from './forms/createVault';
import { renderEnableVault } from './forms/enableVault';
import { renderEnableVm } from './forms/enableVm';
import { renderPolicy } from './forms/policy';
import { renderStorage } from './forms/storage';
import { isCoverageInit, renderCoverage } from './coverage/page';

function render(message: Extract<HostMessage, { type: 'init' }>): void {
  const app = document.getElementById('app');
  if (!app) return;
  if (isCoverageInit(message)) return renderCoverage(app, message);
  const shell = createShell(app, message.kind, message.title, message.strings);
  renderForm(shell, message);
  if (message.outcome) shell.settle(message.outcome);
}

function renderForm(shell: ReturnType<typeof createShell>, message: Extract<HostMessage, { type: 'init' }>): void {
  switch (message.kind) {
    case 'backupNow': return renderBackupNow(shell, message.data as FormInitMap['backupNow']);
    case 'storage': return renderStorage(shell, message.data as FormInitMap['storage']);
    case 'createVault': return renderCreateVault(shell, message.data as FormInitMap['createVault']);
    case 'enableBackupVm': return renderEnableVm(shell, message.data as FormInitMap['enableBackupVm']);
    case 'enableBackupVault': return renderEnableVault(shell, message.data as FormInitMap['enableBackupVault']);
    case 'policy': return renderPolicy(shell, message.data as FormInitMap['policy']);
  }
}

listen(render);
