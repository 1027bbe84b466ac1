import type { CoverageDeps } from './coveragePanel';
import { CoveragePanel } from './coveragePanel';

// The coverage view is one panel for every subscription: a second open reveals it (and moves its subscription
// filter). Kept here rather than in activate() so the feature needs no wiring beyond its command.
let current: CoveragePanel | undefined;

export function openCoverage(deps: CoverageDeps, focusSubscriptionId?: string): CoveragePanel {
  if (current) {
    current.reveal(focusSubscriptionId);
    return current;
  }
  const panel = new CoveragePanel(deps, focusSubscriptionId);
  current = panel;
  panel.onDidClose(() => {
    if (current === panel) current = undefined;
  });
  return panel;
}
