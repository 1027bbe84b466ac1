import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import type { FormDefinition } from './formDefinition';
import { PanelHost, type Outcome } from './panelHost';
import type { FormKind, HostMessage, QueryResult, SubmitResult, WebviewMessage } from './protocol';
import { parseWebviewMessage } from './validate';

/** One webview form on the shared page host; drafts live in the webview (getState/setState). */
export class FormPanel<K extends FormKind> extends PanelHost<WebviewMessage, HostMessage, SubmitResult | QueryResult> {
  private busy = false;
  /** Set once a submit succeeded: the page shows it (also when rebuilt) and no second submit is taken. */
  private outcome: SubmitResult | undefined;

  constructor(
    readonly definition: FormDefinition<K>,
    extensionUri: vscode.Uri,
    log: Log,
  ) {
    super(
      {
        viewType: 'azureBackup.form',
        title: definition.title,
        stylesheet: 'forms.css',
        source: `${definition.kind} form`,
      },
      extensionUri,
      log,
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Whether a submit of this form succeeded (the form then only shows its outcome). */
  get settled(): boolean {
    return this.outcome !== undefined;
  }

  protected parse(raw: unknown): WebviewMessage | undefined {
    return parseWebviewMessage(this.definition.kind, raw);
  }

  protected replyMessage(requestId: number, outcome: Outcome<SubmitResult | QueryResult>): HostMessage {
    return { type: 'reply', requestId, ...outcome };
  }

  protected async handle(message: WebviewMessage): Promise<HostMessage | undefined> {
    const d = this.definition;
    switch (message.type) {
      case 'ready': {
        const init: HostMessage = {
          type: 'init',
          kind: d.kind,
          title: d.title,
          strings: d.strings,
          data: d.init,
          ...(this.outcome ? { outcome: this.outcome } : {}),
        };
        await this.post(init);
        this.markReady();
        return init;
      }
      case 'openJob':
        await d.openJob?.(message.jobName);
        return undefined;
      case 'close':
        this.dispose();
        return undefined;
      case 'editPolicy':
        await d.editPolicy?.(message.name);
        return undefined;
      case 'query':
        return this.reply(message.requestId, () => (d.query ? d.query(message) : Promise.resolve({})));
      case 'submit': {
        if (this.busy)
          return this.post({
            type: 'reply',
            requestId: message.requestId,
            ok: false,
            error: { message: vscode.l10n.t('A request is already running.') },
          });
        // A page message is untrusted: the page hides its submit after success, the host refuses a second one too.
        if (this.outcome)
          return this.post({
            type: 'reply',
            requestId: message.requestId,
            ok: false,
            error: { message: vscode.l10n.t('This form was already submitted. Open it again to make another change.') },
          });
        this.busy = true;
        try {
          return await this.reply(message.requestId, async () => {
            const result = await d.submit(message.payload as Parameters<typeof d.submit>[0]);
            this.outcome = result;
            return result;
          });
        } finally {
          this.busy = false;
        }
      }
    }
  }
}
