import type * as vscode from 'vscode';
import type { L10n } from '../presentation/describe';
import { withProgress } from '../ui/progress';

/** How long a node's children may load before the user is offered Cancel (the view's own progress bar shows at once). */
export const SLOW_LOAD_MS = 2000;

interface Load {
  nodeId: string;
  label: string;
  controller: AbortController;
  slow: boolean;
}

/** The open notification: filled in once VS Code runs its task. */
interface Notice {
  report?: (message: string) => void;
  close?: () => void;
}

/**
 * The tree's loads in flight. Each has an AbortSignal that reaches the Azure calls. Once any load has run past
 * SLOW_LOAD_MS, one cancellable notification names the slow ones, and its Cancel aborts every load then running:
 * one notification for all of them, so a slow network does not stack one per node.
 */
export class TreeLoads implements vscode.Disposable {
  private readonly loads = new Set<Load>();
  private notice: Notice | undefined;

  constructor(
    private readonly l10n: L10n,
    private readonly slowMs = SLOW_LOAD_MS,
  ) {}

  /** Registers a load of `nodeId`'s children; `end` must be called when it settles. */
  start(nodeId: string, label: string): { signal: AbortSignal; end(): void } {
    const load: Load = { nodeId, label, controller: new AbortController(), slow: false };
    this.loads.add(load);
    const timer = setTimeout(() => {
      load.slow = true;
      this.update();
    }, this.slowMs);
    return {
      signal: load.controller.signal,
      end: () => {
        clearTimeout(timer);
        this.loads.delete(load);
        this.update();
      },
    };
  }

  /** Aborts the loads of these nodes (a refresh replaces them: their requests need not finish). */
  abort(matches: (nodeId: string) => boolean): void {
    for (const load of this.loads) if (matches(load.nodeId)) load.controller.abort();
  }

  private update(): void {
    const slow = [...this.loads].filter((l) => l.slow).map((l) => l.label);
    if (slow.length === 0) {
      this.notice?.close?.();
      this.notice = undefined;
      return;
    }
    const message = slow.join(', ');
    if (this.notice) {
      this.notice.report?.(message);
      return;
    }
    const notice: Notice = {};
    this.notice = notice;
    const { l10n } = this;
    void withProgress(
      l10n.t('Still loading'),
      true,
      (signal, report) =>
        new Promise<void>((resolve) => {
          notice.close = resolve;
          notice.report = report;
          report(message);
          // Cancel: every load running now ends as "Loading cancelled"; the notification goes with the last of them.
          signal.addEventListener(
            'abort',
            () => {
              for (const l of this.loads) l.controller.abort();
            },
            { once: true },
          );
          if (this.notice !== notice) resolve(); // every slow load ended before VS Code ran this
        }),
    );
  }

  dispose(): void {
    for (const l of this.loads) l.controller.abort();
    this.notice?.close?.();
  }
}
