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
import type { CoverageHostMessage } from '../coverage/protocol';
import type { HostMessage } from '../webview/protocol';
import { listen } from './channel';
import { createShell } from './formShell';
import { formPageOf } from './forms';
import { isCoverageInit, renderCoverage } from './coverage/page';

function render(message: Extract<HostMessage | CoverageHostMessage, { type: 'init' }>): void {
  const app = document.getElementById('app');
  if (!app) return;
  if (isCoverageInit(message)) return renderCoverage(app, message);
  const page = formPageOf(message.kind);
  if (!page) return;
  const shell = createShell(app, message.kind, message.title, message.strings);
  page.render(shell, message.data);
  if (message.outcome) shell.settle(message.outcome);
}

listen(render);
