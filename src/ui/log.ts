import * as vscode from 'vscode';
import type { AzureCallLogger } from '../session/sdkBundleApi';
import type { ErrorInfo } from './errorInfo';

// One LogOutputChannel for the extension. Azure calls are logged by the Azure layer through this adapter;
// bearer tokens are masked again here in case a message ever carries one.
const bearer = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function mask(text: string): string {
  return text.replace(bearer, '$1***');
}

export type LogLevelName = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type LogListener = (level: LogLevelName, line: string) => void;

/** An error as the user was shown it (showError): kept so tests can assert what a person would read. */
export interface ShownError extends ErrorInfo {
  action: string;
  text: string;
}

const keptErrors = 20;

export class Log {
  readonly channel: vscode.LogOutputChannel;
  private readonly listeners = new Set<LogListener>();
  private readonly shown: ShownError[] = [];

  constructor() {
    this.channel = vscode.window.createOutputChannel(vscode.l10n.t('Azure Backup'), { log: true });
  }

  /** The Azure layer's call logger: method, path, status, request id and duration; never headers or tokens. */
  readonly azureCall: AzureCallLogger = (e) => {
    const line = `${e.method} ${e.url} ${e.status ?? '-'} requestId=${e.requestId ?? '-'} ${Math.round(e.durationMs)}ms`;
    if (e.error || (e.status ?? 0) >= 400) this.warn(`${line} ${e.error ?? ''}`);
    else this.info(line);
  };

  trace(message: string): void {
    this.write('trace', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string): void {
    this.write('error', message);
  }
  show(): void {
    this.channel.show(true);
  }

  /** Sees every line exactly as written to the channel (after masking); for tests. */
  onDidWrite(listener: LogListener): vscode.Disposable {
    this.listeners.add(listener);
    return new vscode.Disposable(() => this.listeners.delete(listener));
  }

  /** How many errors were shown since activation (tests take the ones after a count they noted). */
  shownCount = 0;

  recordShown(error: ShownError): void {
    this.shownCount++;
    this.shown.push(error);
    if (this.shown.length > keptErrors) this.shown.shift();
  }

  /** The last errors shown to the user, oldest first. */
  shownErrors(): readonly ShownError[] {
    return this.shown;
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: LogLevelName, message: string): void {
    const line = mask(message);
    this.channel[level](line);
    for (const listener of this.listeners) listener(level, line);
  }
}
