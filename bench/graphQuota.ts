// Resource Graph's quota in the bench's sandbox is Azure's, on real time: a load that starts while an earlier one's
// queries still count waits for the window like a user would, which is not the load's own cost.
import { AZURE_GRAPH_QUOTA } from '../src/sandbox/http/graphQuota';

/** Waits one quota window, so the next load starts with the whole quota. */
export function waitOutGraphQuota(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, AZURE_GRAPH_QUOTA.windowMs));
}
