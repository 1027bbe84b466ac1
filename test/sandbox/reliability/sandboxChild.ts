// A sandbox in its own process, so a test can tell "answered" from "the process died": started with the options
// given as JSON in argv[2]; prints one JSON line {endpoint, ca} when listening; its stderr is passed on as is.
import { startSandbox, type SandboxOptions } from '../../../src/sandbox';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
  const sandbox = await startSandbox(options);
  process.stdout.write(`${JSON.stringify({ endpoint: sandbox.endpoint, ca: sandbox.ca })}\n`);
  process.on('SIGTERM', () => {
    void sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
