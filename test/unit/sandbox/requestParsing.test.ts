// Pure parsing the sandbox does before routing: request targets, JSON nesting depth, api-versions.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  checkApiVersion,
  checkApiVersionForRoute,
  providerNamespaceOf,
  SUPPORTED_API_VERSIONS,
} from '../../../src/sandbox/http/apiVersion';
import { ArmError } from '../../../src/sandbox/http/errors';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../src/sandbox/http/jsonDepth';
import { parseRequestTarget } from '../../../src/sandbox/http/requestTarget';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof ArmError ? e.code : `not an ArmError: ${String(e)}`;
  }
}

describe('sandbox: request targets', () => {
  it('reads origin-form paths and queries, doubled slashes included', () => {
    const t = parseRequestTarget('//subscriptions//abc/resourcegroups?api-version=2025-04-01&$filter=a%20b');
    assert.ok(t.ok);
    assert.equal(t.path, '//subscriptions//abc/resourcegroups');
    assert.equal(t.query.get('$filter'), 'a b');
  });

  it('takes http(s) absolute form by its path, and refuses other schemes and bad authorities', () => {
    const t = parseRequestTarget('https://management.azure.com/subscriptions?api-version=2022-12-01');
    assert.ok(t.ok);
    assert.equal(t.path, '/subscriptions');
    for (const bad of ['http://a:99999/', 'ftp://a/x', 'http://[/x'])
      assert.equal(parseRequestTarget(bad).ok, false, bad);
  });

  it('refuses characters a path cannot hold and malformed or non-UTF-8 escapes', () => {
    for (const bad of ['//[', '/a]', '/a b', '/%zz%/', '/a%', '/a%4', '/%ff', '*', 'x/y', '/a#b', '/a\\b'])
      assert.equal(parseRequestTarget(bad).ok, false, bad);
    for (const good of ['/', '/a;b=c/%3B/é'.replace('é', '%C3%A9'), "/a!$&'()*+,;=:@-._~"])
      assert.equal(parseRequestTarget(good).ok, true, good);
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const t = parseRequestTarget(s);
        if (t.ok) for (const seg of t.path.split('/')) decodeURIComponent(seg);
        return true;
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('sandbox: JSON nesting depth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    assert.equal(jsonDepth('1'), 0);
    assert.equal(jsonDepth('{"a":[{"b":"[[[{{{"}]}'), 3);
    assert.equal(jsonDepth('"\\"[["'), 0);
  });

  it('stops at the limit without scanning on', () => {
    assert.equal(jsonDepth('['.repeat(1_000_000)), MAX_JSON_DEPTH + 1);
    assert.equal(jsonDepth(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`), MAX_JSON_DEPTH);
  });

  it('agrees with the depth of any parsed JSON value', () => {
    const depthOf = (v: unknown): number =>
      typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => jsonDepth(JSON.stringify(v)) === depthOf(v)),
      { numRuns: 1_000 },
    );
  });
});

describe('sandbox: api-versions', () => {
  it('requires a real date', () => {
    assert.equal(
      code(() => checkApiVersion(undefined)),
      'MissingApiVersionParameter',
    );
    for (const bad of ['2015-02-31', '2023-13-01', 'banana', '2023-6-01', '2023-06-01-beta'])
      assert.equal(
        code(() => checkApiVersion(bad)),
        'InvalidApiVersionParameter',
        bad,
      );
    assert.equal(checkApiVersion('2024-04-30-preview'), '2024-04-30-preview');
  });

  it("finds the provider from the path's last providers segment", () => {
    assert.equal(providerNamespaceOf(['subscriptions', 's']), 'microsoft.resources');
    assert.equal(
      providerNamespaceOf([
        'subscriptions',
        's',
        'resourceGroups',
        'r',
        'providers',
        'Microsoft.Compute',
        'virtualMachines',
      ]),
      'microsoft.compute',
    );
    assert.equal(providerNamespaceOf(['providers', 'Microsoft.ResourceGraph', 'resources']), 'microsoft.resourcegraph');
  });

  it('accepts every pinned SDK version on its provider and names the supported ones otherwise', () => {
    const pinned: Array<[string, string]> = [
      ['Microsoft.Compute', '2026-04-01'],
      ['Microsoft.RecoveryServices', '2026-07-01'],
      ['Microsoft.RecoveryServices', '2023-06-01'],
      ['Microsoft.ResourceGraph', '2024-04-01'],
    ];
    for (const [ns, v] of pinned)
      assert.equal(
        code(() => checkApiVersionForRoute(v, ['providers', ns, 'x'])),
        undefined,
        `${ns} ${v}`,
      );
    for (const v of ['2025-04-01', '2022-12-01'])
      assert.equal(
        code(() => checkApiVersionForRoute(v, ['subscriptions'])),
        undefined,
        v,
      );
    try {
      checkApiVersionForRoute('2015-01-01', ['providers', 'Microsoft.RecoveryServices', 'vaults']);
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof ArmError);
      assert.equal(e.status, 400);
      assert.ok(e.message.includes(SUPPORTED_API_VERSIONS['microsoft.recoveryservices'].slice(-1)[0]));
    }
  });
});
