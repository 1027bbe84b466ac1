// Requests the SDKs never send but anyone on the machine can: unparsable targets, bodies nested thousands deep,
// doubled slashes, bad escapes, invented api-versions. The sandbox runs in a child process, so a crash shows as one.
import * as assert from 'node:assert/strict';
import type { ClientHttp2Session } from 'node:http2';
import { STORY_SUBSCRIPTION_ID } from '../../../src/sandbox';
import { SUPPORTED_API_VERSIONS } from '../../../src/sandbox/http/apiVersion';
import { Router } from '../../../src/sandbox/http/router';
import { SandboxServer } from '../../../src/sandbox/http/server';
import { FaultInjector } from '../../../src/sandbox/http/faults';
import { RequestLog } from '../../../src/sandbox/http/requestLog';
import { makeCertificate } from '../../../src/sandbox/http/tls';
import { type ChildSandbox, connectHttp2, errorCodeOf, rawHttp1, rawHttp2, startChildSandbox } from './rawClient';

const SUB = `/subscriptions/${STORY_SUBSCRIPTION_ID}`;
const VAULT = `${SUB}/resourceGroups/contoso-backup-rg/providers/Microsoft.RecoveryServices/vaults/contoso-vault`;
// `//a:99999/x` is a path (a doubled slash, then a segment with a colon): no route asks for it, so it fails on its missing api-version.
const BAD_TARGETS: Array<{ target: string; code: string }> = [
  { target: '//[', code: 'InvalidRequestUri' },
  { target: '//a:99999/x', code: 'MissingApiVersionParameter' },
  { target: 'http://a:99999/', code: 'InvalidRequestUri' },
  { target: '//%zz%/', code: 'InvalidRequestUri' },
  { target: '//[/subscriptions?api-version=2022-12-01', code: 'InvalidRequestUri' },
];

function http1(method: string, target: string, headers: Record<string, string> = {}, body = ''): string {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    'Host: localhost',
    'Authorization: Bearer x',
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('reliability: request parsing', function () {
  this.timeout(30_000);
  let sandbox: ChildSandbox;
  let session: ClientHttp2Session;
  before(async () => {
    sandbox = await startChildSandbox({ dataFile: undefined, speed: 1 });
    session = await connectHttp2(sandbox);
  });
  after(async () => {
    session?.close();
    await sandbox?.stop();
  });
  afterEach(() => assert.equal(sandbox.exited(), undefined, `the sandbox process died: ${sandbox.stderr()}`));

  for (const { target, code } of BAD_TARGETS) {
    it(`answers the HTTP/1.1 target ${target} with 400 ${code} in ARM shape and keeps serving`, async () => {
      const r = await rawHttp1(sandbox, http1('GET', target));
      assert.equal(r.status, 400, r.body);
      assert.equal(errorCodeOf(r.body), code);
      assert.match(r.headers['x-ms-request-id'] ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(
        (await rawHttp1(sandbox, http1('GET', `${SUB}?api-version=2022-12-01`))).status,
        200,
        'still serving',
      );
    });
  }

  for (const { target, code } of BAD_TARGETS) {
    it(`answers the HTTP/2 :path ${target} with 400 ${code} (or nghttp2 refuses the stream) and keeps serving`, async () => {
      const r = await rawHttp2(session, { ':method': 'GET', ':path': target, authorization: 'Bearer x' }).catch(
        (e: NodeJS.ErrnoException) => e,
      );
      if (r instanceof Error) {
        // nghttp2 itself refuses an absolute URI as :path; the sandbox never sees it.
        assert.equal(target, 'http://a:99999/');
        assert.match(r.message, /NGHTTP2_PROTOCOL_ERROR/);
      } else {
        assert.equal(r.status, 400, r.body);
        assert.equal(errorCodeOf(r.body), code);
      }
      if (session.destroyed || session.closed) session = await connectHttp2(sandbox);
      assert.equal(
        (
          await rawHttp2(session, {
            ':method': 'GET',
            ':path': `${SUB}?api-version=2022-12-01`,
            authorization: 'Bearer x',
          })
        ).status,
        200,
      );
    });
  }

  it('reads //subscriptions//{sub} as a path, not as a host', async () => {
    const r = await rawHttp1(
      sandbox,
      http1('GET', `//subscriptions//${STORY_SUBSCRIPTION_ID}/resourcegroups?api-version=2025-04-01`),
    );
    assert.equal(r.status, 200, r.body);
    assert.ok((JSON.parse(r.body) as { value: unknown[] }).value.length > 0);
  });

  const deep = [
    {
      name: 'vault PUT',
      method: 'PUT',
      path: `${SUB}/resourceGroups/contoso-backup-rg/providers/Microsoft.RecoveryServices/vaults/deep-vault?api-version=2026-07-01`,
      body: `{"location":"westeurope","properties":{},"sku":{"name":"Standard"},"tags":${nested(5_000)}}`,
    },
    {
      name: 'vault PATCH',
      method: 'PATCH',
      path: `${VAULT}?api-version=2026-07-01`,
      body: `{"tags":${nested(5_000)}}`,
    },
    {
      name: 'policy PUT',
      method: 'PUT',
      path: `${VAULT}/backupPolicies/deep-policy?api-version=2023-06-01`,
      body: `{"properties":${nested(5_000)}}`,
    },
  ];
  for (const d of deep) {
    it(`refuses a ${d.name} nested 5,000 deep with 400 InvalidRequestContent, and lives on past the next save`, async () => {
      const r = await rawHttp1(sandbox, http1(d.method, d.path, { 'Content-Type': 'application/json' }, d.body));
      assert.equal(r.status, 400, r.body.slice(0, 300));
      assert.equal(errorCodeOf(r.body), 'InvalidRequestContent');
      assert.match(r.body, /deeper than 64 levels/);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal((await rawHttp1(sandbox, http1('GET', `${VAULT}?api-version=2026-07-01`))).status, 200);
    });
  }

  it('takes a body nested as deep as the limit', async () => {
    const r = await rawHttp1(
      sandbox,
      http1(
        'PATCH',
        `${VAULT}?api-version=2026-07-01`,
        { 'Content-Type': 'application/json' },
        `{"tags":{"k":"v"},"x":${nested(62)}}`,
      ),
    );
    assert.ok(r.status === 200 || r.status === 202, `${r.status} ${r.body}`);
  });

  it('answers a policyId with a malformed percent escape with 400, not a sandbox bug', async () => {
    const item = `${VAULT}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;web-vm-02/protectedItems/VM;iaasvmcontainerv2;contoso-web-rg;web-vm-02?api-version=2023-06-01`;
    const body = JSON.stringify({
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        sourceResourceId: `${SUB}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines/web-vm-02`,
        policyId: `${VAULT}/backupPolicies/%zz`,
      },
    });
    const r = await rawHttp1(sandbox, http1('PUT', item, { 'Content-Type': 'application/json' }, body));
    assert.equal(r.status, 400, r.body);
    assert.equal(errorCodeOf(r.body), 'BMSUserErrorInvalidInput');
    assert.match(r.body, /malformed percent escape/);
  });

  it('refuses api-versions the route does not publish with 400 InvalidApiVersionParameter listing the supported ones', async () => {
    for (const [path, bad] of [
      [`${SUB}?api-version=2015-02-31`, '2015-02-31'],
      [`${VAULT}?api-version=2015-01-01`, '2015-01-01'],
      [`${SUB}/resourcegroups?api-version=2026-07-01`, '2026-07-01'],
    ]) {
      const r = await rawHttp1(sandbox, http1('GET', path));
      assert.equal(r.status, 400, `${path}: ${r.body}`);
      assert.equal(errorCodeOf(r.body), 'InvalidApiVersionParameter');
      assert.match(r.body, new RegExp(`'${bad}' is invalid`));
    }
    const listed = await rawHttp1(sandbox, http1('GET', `${VAULT}?api-version=2015-01-01`));
    assert.match(listed.body, /The supported versions are '2026-07-01,2026-05-01,.*2023-06-01,.*2016-06-01'/);
  });

  it("accepts the pinned SDKs' api-versions and those the Azure CLI sends, on each route family", async () => {
    const cases: Array<[string, string]> = [
      [`${SUB}?api-version=2022-12-01`, 'subscriptions SDK and CLI'],
      [`${SUB}/resourcegroups?api-version=2025-04-01`, 'resources SDK'],
      [`${SUB}/resourcegroups?api-version=2024-11-01`, 'az group'],
      [
        `${SUB}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01`,
        'compute SDK',
      ],
      [
        `${SUB}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01`,
        'az vm',
      ],
      [`${VAULT}?api-version=2026-07-01`, 'recoveryservices SDK'],
      [`${VAULT}?api-version=2024-04-01`, 'az backup vault'],
      [`${VAULT}/backupPolicies?api-version=2023-06-01`, 'recoveryservicesbackup SDK'],
      [`${VAULT}/backupJobs?api-version=2024-10-01`, 'az backup job'],
    ];
    for (const [path, who] of cases)
      assert.equal((await rawHttp1(sandbox, http1('GET', path))).status, 200, `${who}: ${path}`);
    assert.ok(SUPPORTED_API_VERSIONS['microsoft.resourcegraph'].includes('2024-04-01'));
  });
});

describe('reliability: the last-resort guard', function () {
  this.timeout(30_000);
  it('answers 500 InternalServerError when building an answer throws, tells stderr, and keeps serving', async () => {
    const router = new Router();
    // A body JSON cannot write: the failure happens while answering, outside the routes' own error handling.
    router.add('GET', '/boom', () => ({ status: 200, body: { n: 10n } }));
    router.add('GET', '/ok', () => ({ status: 200, body: { ok: true } }));
    const told: string[] = [];
    const tls = await makeCertificate();
    const server = new SandboxServer({
      router,
      tls,
      log: new RequestLog(),
      faults: new FaultInjector(1, undefined),
      latencyMs: 0,
      retryAfterSeconds: 0,
      beforeHandle: () => undefined,
      afterHandle: () => undefined,
      report: (m: string) => told.push(m),
    });
    const target = { host: '127.0.0.1', port: await server.listen(0, '127.0.0.1'), ca: tls.cert };
    try {
      const r = await rawHttp1(target, http1('GET', '/boom?api-version=2022-12-01'));
      assert.equal(r.status, 500);
      assert.equal(errorCodeOf(r.body), 'InternalServerError');
      assert.equal(told.length, 1);
      assert.match(told[0], /BigInt/);
      assert.equal((await rawHttp1(target, http1('GET', '/ok?api-version=2022-12-01'))).status, 200);
    } finally {
      await server.close();
    }
  });
});
