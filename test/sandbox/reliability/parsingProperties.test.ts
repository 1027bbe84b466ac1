// Property-based: generated request targets, headers and bodies, over HTTP/1.1 (written byte for byte on a TLS
// socket) and HTTP/2, against a sandbox in its own process. Whatever arrives, the answer is below 500 and the
// process lives. Each property is bounded in time; a failure prints fast-check's seed and the shrunk input.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { ClientHttp2Session } from 'node:http2';
import { STORY_SUBSCRIPTION_ID } from '../../../src/sandbox';
import { type ChildSandbox, connectHttp2, rawHttp1, rawHttp2, type RawAnswer, startChildSandbox } from './rawClient';

const SUB = `/subscriptions/${STORY_SUBSCRIPTION_ID}`;
const VAULT = `${SUB}/resourceGroups/contoso-backup-rg/providers/Microsoft.RecoveryServices/vaults/contoso-vault`;
const ROUTES = [
  `${SUB}?api-version=2022-12-01`,
  `${SUB}/resourcegroups/fuzz-rg?api-version=2025-04-01`,
  `${SUB}/resourceGroups/contoso-backup-rg/providers/Microsoft.RecoveryServices/vaults/fuzz-vault?api-version=2026-07-01`,
  `${VAULT}?api-version=2026-07-01`,
  `${VAULT}/backupPolicies/fuzz-policy?api-version=2023-06-01`,
  `${VAULT}/backupstorageconfig/vaultstorageconfig?api-version=2023-06-01`,
  `${VAULT}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;web-vm-03/protectedItems/VM;iaasvmcontainerv2;contoso-web-rg;web-vm-03?api-version=2023-06-01`,
  `${SUB}/providers/Microsoft.RecoveryServices/locations/westeurope/backupStatus?api-version=2023-06-01`,
  '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01',
];
const TIME_LIMIT_MS = 4_000;

/** Pieces that path and query parsers trip on, joined at random. */
const targetPiece = fc.oneof(
  fc.constantFrom(
    '/',
    '//',
    '?',
    '&',
    '=',
    '#',
    '%',
    '%zz',
    '%2F',
    '%00',
    '%ff',
    '%e2%82',
    '[',
    ']',
    ':',
    '@',
    '..',
    '.',
    ';',
    '{sub}',
    'api-version=',
    '2015-02-31',
    '2023-06-01',
    'subscriptions',
    STORY_SUBSCRIPTION_ID,
    'providers',
    'Microsoft.RecoveryServices',
    'vaults',
    'http://',
    'https://a:99999',
    '\\',
    '~',
    '*',
    "'",
    '"',
    '<',
    '>',
    '|',
    '^',
    '`',
    'é',
    '\u{1F600}',
  ),
  fc.string({ maxLength: 6 }),
);
const target = fc.array(targetPiece, { maxLength: 12 }).map((parts) => parts.join(''));
/** Targets as the request line carries them (no spaces or line breaks, which end the line). */
const lineTarget = target.map((t) => t.replace(/[\s]/g, '') || '/');
/** Mostly rooted, so most reach the sandbox: nghttp2 itself resets a :path that is not rooted or holds whitespace. */
const h2Target = fc.oneof(
  { weight: 9, arbitrary: lineTarget.map((t) => (t.startsWith('/') ? t : `/${t}`)) },
  { weight: 1, arbitrary: target },
);

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    'Bearer x',
    'Bearer ',
    'Bearer expired',
    'Basic Zm9v',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/merge-patch+json',
    '*/*',
    'gzip',
    '-1',
    '0',
  ),
);
const headers = fc.dictionary(
  fc.oneof(
    headerName,
    fc.constantFrom(
      'authorization',
      'content-type',
      'accept',
      'x-ms-client-request-id',
      'x-ms-correlation-request-id',
      'if-match',
      'accept-encoding',
    ),
  ),
  headerValue,
  { maxKeys: 6 },
);

const deepJson = fc
  .integer({ min: 1, max: 3_000 })
  .chain((depth) =>
    fc.constantFrom(
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      '{"a":'.repeat(depth),
    ),
  );
const body = fc.oneof(
  fc.json({ maxDepth: 6 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ location: 'westeurope', properties: v, tags: v, sku: v })),
  fc
    .record({
      properties: fc.dictionary(
        fc.constantFrom(
          'backupManagementType',
          'schedulePolicy',
          'retentionPolicy',
          'policyId',
          'sourceResourceId',
          'protectionState',
          'storageModelType',
          'storageType',
          'crossRegionRestoreFlag',
          'resourceId',
          'resourceType',
          'query',
          'subscriptions',
        ),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  deepJson,
);
const method = fc.constantFrom('GET', 'PUT', 'PATCH', 'POST', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECTX');

function http1(m: string, t: string, h: Record<string, string>, b = ''): string {
  const lines = [
    `${m} ${t} HTTP/1.1`,
    'Host: localhost',
    'Connection: close',
    ...Object.entries(h)
      .filter(([k]) => k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection' && k !== 'host')
      .map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${Buffer.byteLength(b)}`,
  ];
  return `${lines.join('\r\n')}\r\n\r\n${b}`;
}

describe('reliability: request parsing under generated input (fast-check)', function () {
  this.timeout(60_000);
  let sandbox: ChildSandbox;
  let session: ClientHttp2Session;
  // AZB_FUZZ_COUNT=1 prints how many generated inputs each property got answered within its time bound.
  let runs = 0;
  const answered = (r: RawAnswer, what: string): boolean => {
    runs++;
    assert.ok(r.status > 0 && r.status < 500, `${what} → ${r.status} ${r.body.slice(0, 300)}`);
    return true;
  };
  async function h2(headersOut: Record<string, string>, b?: string): Promise<RawAnswer | undefined> {
    if (session.destroyed || session.closed) session = await connectHttp2(sandbox);
    try {
      return await rawHttp2(session, headersOut, b);
    } catch (e) {
      // Refused by nghttp2 or Node's own HTTP/2 checks before the sandbox saw it (a bad :path, a header Node will
      // not send): that is not an answer of the sandbox's. The property only judges what reached it.
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (/^ERR_HTTP2_|^ERR_INVALID_|^ERR_HTTP_INVALID/.test(code)) return undefined;
      throw e;
    }
  }

  before(async () => {
    sandbox = await startChildSandbox({ seed: 'story', speed: 1 });
    session = await connectHttp2(sandbox);
  });
  after(async () => {
    session?.close();
    await sandbox?.stop();
  });
  afterEach(() => {
    if (process.env.AZB_FUZZ_COUNT) console.log(`      ${runs} inputs answered`);
    runs = 0;
    assert.equal(sandbox.exited(), undefined, `the sandbox process died: ${sandbox.stderr()}`);
    assert.doesNotMatch(sandbox.stderr(), /Sandbox: request .* failed/, 'the last-resort guard caught something');
  });

  const options = { numRuns: 600, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false };

  it('HTTP/1.1: any request target', async () => {
    await fc.assert(
      fc.asyncProperty(method, lineTarget, async (m, t) =>
        answered(await rawHttp1(sandbox, http1(m, t, { authorization: 'Bearer x' })), `${m} ${t}`),
      ),
      options,
    );
  });

  it('HTTP/1.1: any headers on a real route', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), headers, async (route, h) => {
        // Line breaks would start new header lines (a Content-Length the request then never honours): not this property's subject.
        const clean = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.replace(/[\r\n]/g, '').trim()]));
        return answered(await rawHttp1(sandbox, http1('GET', route, clean)), `GET ${route} ${JSON.stringify(clean)}`);
      }),
      options,
    );
  });

  it('HTTP/1.1: any body on a route that reads one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PUT', 'PATCH', 'POST'), fc.constantFrom(...ROUTES), body, async (m, route, b) =>
        answered(
          await rawHttp1(
            sandbox,
            http1(m, route, { authorization: 'Bearer x', 'content-type': 'application/json' }, b),
          ),
          `${m} ${route} ${b.slice(0, 200)}`,
        ),
      ),
      options,
    );
  });

  it('HTTP/2: any :path', async () => {
    await fc.assert(
      fc.asyncProperty(method, h2Target, async (m, t) => {
        const r = await h2({ ':method': m, ':path': t || '/', authorization: 'Bearer x' });
        return r === undefined || answered(r, `${m} ${t}`);
      }),
      options,
    );
  });

  it('HTTP/2: any headers and body on a real route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PUT', 'PATCH', 'POST'),
        fc.constantFrom(...ROUTES),
        headers,
        body,
        async (m, route, h, b) => {
          const out: Record<string, string> = {
            authorization: 'Bearer x',
            'content-type': 'application/json',
            ...h,
            ':method': m,
            ':path': route,
          };
          delete out.connection;
          delete out['transfer-encoding'];
          delete out['content-length'];
          delete out.host;
          delete out['keep-alive'];
          delete out['proxy-connection'];
          delete out.upgrade;
          delete out.te;
          const r = await h2(out, m === 'GET' ? undefined : b);
          return r === undefined || answered(r, `${m} ${route} ${JSON.stringify(h)} ${b.slice(0, 200)}`);
        },
      ),
      options,
    );
  });
});
