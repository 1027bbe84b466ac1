/** Standalone sandbox: `npm run sandbox -- [--port N] [--data file] [--speed X] [--seed story|empty] [--page-size N]`. */
import { startSandbox, type SandboxOptions } from './index';

function parseArgs(argv: string[]): SandboxOptions {
  const options: SandboxOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
      i++;
      return n;
    };
    switch (flag) {
      case '--port':
        options.port = number();
        break;
      case '--speed':
        options.speed = number();
        break;
      case '--page-size':
        options.pageSize = number();
        break;
      case '--retry-after':
        options.retryAfterSeconds = number();
        break;
      case '--data':
        if (!value) throw new Error('--data needs a file path');
        options.dataFile = value;
        i++;
        break;
      case '--seed':
        if (value !== 'story' && value !== 'empty') throw new Error('--seed must be story or empty');
        options.seed = value;
        i++;
        break;
      case '--help':
        console.log(
          'Usage: npm run sandbox -- [--port N] [--data file] [--speed X] [--seed story|empty] [--page-size N] [--retry-after S]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option '${flag}' (try --help)`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
  console.log(`Azure Backup sandbox listening on ${sandbox.endpoint}`);
  console.log(`CA certificate: ${sandbox.caFile}`);
  console.log(`Subscription(s): ${sandbox.subscriptionIds().join(', ')}  tenant: ${sandbox.tenantId}`);
  console.log(
    `Point a client at it with endpoint ${sandbox.endpoint}, trust the CA (tlsOptions.ca or NODE_EXTRA_CA_CERTS=${sandbox.caFile}) and any Bearer token.`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
