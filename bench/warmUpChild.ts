// A throwaway client (its own process, forked by warmUp.ts) that loads the tree once before the measured load, so
// the sandbox answers the measured load with its routes compiled, as a real service is always warm. The client
// measured afterwards stays cold: nothing of this process is shared with it.
import { loadTree, type SandboxAddress } from './treeLoad';

process.once('message', (message: SandboxAddress & { concurrency: number }) => {
  loadTree(message, message.concurrency).then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`[bench] sandbox warm-up failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
});
