import * as vscode from 'vscode';
import type { AzureCallLogger } from './coreTypes';

// One LogOutputChannel for the extension. Azure calls are logged by the Azure layer through this adapter;
// bearer tokens are masked again here in case a message ever carries one.
const bearer = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function mask(text: string): string {
  return text.replace(bearer, '$1***');
}

export class Log {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel(vscode.l10n.t('Azure Backup'), { log: true });
  }

  /** The Azure layer's call logger: method, path, status, request id and duration; never headers or tokens. */
  readonly azureCall: AzureCallLogger = (e) => {
    const line = `${e.method} ${e.url} ${e.status ?? '-'} requestId=${e.requestId ?? '-'} ${Math.round(e.durationMs)}ms`;
    if (e.error || (e.status ?? 0) >= 400) this.channel.warn(mask(`${line} ${e.error ?? ''}`));
    else this.channel.info(mask(line));
  };

  info(message: string): void { this.channel.info(mask(message)); }
  debug(message: string): void { this.channel.debug(mask(message)); }
  warn(message: string): void { this.channel.warn(mask(message)); }
  error(message: string): void { this.channel.error(mask(message)); }
  show(): void { this.channel.show(true); }
  dispose(): void { this.channel.dispose(); }
}
