// `npm run bench`: the performance benchmark of issue 6. Prints one JSON document on stdout (progress goes to
// stderr) and writes it to bench/results/<timestamp>.json. Flags: see args.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readActivation } from './activation';
import { parseArgs } from './args';
import { measureBundles } from './bundle';
import { COVERAGE_SCALE, runCoverageBench, SMALL_COVERAGE_SCALE } from './coverage';
import { pageFaultCostUs } from './pageFaults';
import { REPO } from './repo';
import { round } from './requestStats';
import { runScaling } from './scaling';
import { runScenario } from './scenario';
import { evaluateTargets } from './targets';
import { TREE_PAGE_SIZE } from './treeLoad';

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const { latencyMs, concurrency, pageSizes } = options;
  // Measured before the loads, while this process's heap is still small: the machine's price of fresh memory.
  const faultUs = pageFaultCostUs();
  const primary = await runScenario({
    scale: options.scale,
    latencyMs,
    concurrency,
    pageSizes,
    withBaseline: true,
    loads: options.loads,
    coldSandbox: options.coldSandbox,
    log,
  });
  const scaling = await runScaling(options.scale, options.scalingVms, {
    latencyMs,
    concurrency,
    pageSizes,
    coldSandbox: options.coldSandbox,
    log,
  });
  const coverage = await runCoverageBench(
    options.small ? SMALL_COVERAGE_SCALE : COVERAGE_SCALE,
    latencyMs,
    concurrency,
    log,
  );
  log('production build for bundle sizes');
  const bundle = measureBundles();
  const activation = readActivation();
  const { tree, baseline } = primary;
  const result = {
    run: {
      startedAt: startedAt.toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
      pageFaultCostUs: faultUs,
      options: {
        ...options.scale,
        latencyMs,
        concurrency,
        treePageSize: TREE_PAGE_SIZE,
        sandboxPageSizes: primary.pageSizes,
        loads: options.loads,
        sandboxWarmedUp: !options.coldSandbox,
        small: options.small,
      },
    },
    tree,
    warm: primary.warm ?? null,
    baseline: baseline
      ? { ...baseline, protectionAgreesWithTree: baseline.protectedVms === tree.loaded.protectedVms }
      : null,
    ratios: baseline
      ? {
          callsOursOverBaseline: round(tree.requests.calls / baseline.calls, 4),
          timeOursOverBaseline: round(tree.wallMs / baseline.wallMs, 3),
          baselineCallsPerOurCall: round(baseline.calls / tree.requests.calls, 1),
          baselineTimePerOurTime: round(baseline.wallMs / tree.wallMs, 1),
        }
      : null,
    firstPaint: primary.firstPaint ?? null,
    transport: primary.transport ?? null,
    scaling,
    coverage,
    bundle,
    activation,
    targets: evaluateTargets(primary, scaling, bundle, activation, faultUs),
  };
  const json = JSON.stringify(result, null, 2);
  const dir = path.join(REPO, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${json}\n`);
  process.stdout.write(`${json}\n`);
  log(`written to ${path.relative(REPO, file)}`);
}

main().catch((e: unknown) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  // Exit rather than wait for the loop to drain: a sandbox child still running (its IPC channel open) would keep
  // this process, and CI, waiting forever. The children are killed by their 'exit' handlers (sandboxProcess.ts).
  process.exit(1);
});
