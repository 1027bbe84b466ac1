/** The conformance checker's own rules, on a small made-up swagger (two files, a polymorphic family, an LRO). */
import * as assert from 'node:assert/strict';
import type { RecordedExchange } from '../../../src/sandbox/http/exchangeRecorder';
import { ExchangeChecker } from '../../conformance/checkExchange';
import { OperationIndex } from '../../conformance/operations';
import { SchemaChecker } from '../../conformance/schemaCheck';
import { SpecSet } from '../../conformance/specs';

const COMMON = '/specs/common/types.json';
const SERVICE = '/specs/service/things.json';

const common = {
  definitions: {
    ErrorResponse: { properties: { error: { $ref: '#/definitions/ErrorDetail' } } },
    ErrorDetail: { properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
};

const service = {
  info: { version: '2023-06-01' },
  paths: {
    '/Subscriptions/{subscriptionId}/providers/Test.Things/things/{name}': {
      get: {
        operationId: 'Things_Get',
        responses: {
          200: { schema: { $ref: '#/definitions/Thing' } },
          default: { schema: { $ref: '../common/types.json#/definitions/ErrorResponse' } },
        },
      },
      put: {
        operationId: 'Things_Create',
        'x-ms-long-running-operation': true,
        responses: {
          200: { schema: { $ref: '#/definitions/Thing' } },
          201: { schema: { $ref: '#/definitions/Thing' } },
          202: { description: 'accepted' },
        },
      },
    },
    '/subscriptions/{subscriptionId}/providers/Test.Things/things/{name}/operationResults/{op}': {
      get: { operationId: 'Things_Result', responses: { 204: { description: 'done' } } },
    },
  },
  definitions: {
    Thing: {
      discriminator: 'kind',
      required: ['kind'],
      properties: {
        kind: { type: 'string' },
        when: { type: 'string', format: 'date-time' },
        count: { type: 'integer' },
        color: { type: 'string', enum: ['red', 'blue'], 'x-ms-enum': { name: 'Color', modelAsString: false } },
        size: { type: 'string', enum: ['S'], 'x-ms-enum': { name: 'Size', modelAsString: true } },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
        bag: { type: 'object', description: 'free-form' },
        properties: { type: 'object', properties: { provisioningState: { type: 'string' } } },
      },
    },
    RoundThing: {
      'x-ms-discriminator-value': 'round',
      allOf: [{ $ref: '#/definitions/Thing' }],
      properties: { radius: { type: 'number' } },
    },
    BigRoundThing: { allOf: [{ $ref: '#/definitions/RoundThing' }], properties: { weight: { type: 'number' } } },
  },
};

const specs = new SpecSet(
  new Map<string, Record<string, unknown>>([
    [COMMON, common],
    [SERVICE, service],
  ]),
);
const schemas = new SchemaChecker(specs);
const thing = specs.resolveRef('#/definitions/Thing', SERVICE);
const checker = new ExchangeChecker(
  new OperationIndex(specs),
  schemas,
  specs.resolveRef('#/definitions/ErrorResponse', COMMON),
);
const THING_PATH = '/subscriptions/s1/providers/Test.Things/things/a';

const kinds = (value: unknown): string[] => schemas.check(value, thing).map((p) => `${p.kind} ${p.at}`);

function exchange(partial: Partial<RecordedExchange>): RecordedExchange {
  return { method: 'GET', path: THING_PATH, query: 'api-version=2023-06-01', status: 200, headers: {}, ...partial };
}

function problemsOf(e: RecordedExchange): string[] {
  const verdict = checker.check(e);
  return verdict.kind === 'refused' ? [] : verdict.problems.map((p) => `${p.kind} ${p.at}`.trim());
}

describe('Conformance checker (swagger 2.0 rules)', () => {
  it('picks the subtype by the discriminator, through several allOf levels, and reports what it does not declare', () => {
    assert.deepEqual(kinds({ kind: 'round', radius: 2 }), []);
    assert.deepEqual(kinds({ kind: 'BigRoundThing', radius: 2, weight: 1 }), []);
    assert.deepEqual(kinds({ kind: 'Thing', radius: 2 }), ['undeclared radius']);
    assert.deepEqual(kinds({ kind: 'round', radius: 'wide' }), ['type radius']);
  });

  it('fails an unknown discriminator value, naming the values the swagger knows', () => {
    const [problem] = schemas.check({ kind: 'square' }, thing);
    assert.equal(problem.kind, 'discriminator');
    assert.match(problem.message, /'square'.*Thing, round, BigRoundThing/);
  });

  it('checks required, integer, date-time, strict enums (not modelAsString ones), maps and nulls', () => {
    assert.deepEqual(kinds({}), ['required kind']);
    assert.deepEqual(kinds({ kind: 'Thing', count: 1.5 }), ['type count']);
    assert.deepEqual(kinds({ kind: 'Thing', when: '2026-12-03T09:00:00.123Z' }), []);
    assert.deepEqual(kinds({ kind: 'Thing', when: '3 December' }), ['format when']);
    assert.deepEqual(kinds({ kind: 'Thing', color: 'Red' }), ['enum color']);
    assert.deepEqual(kinds({ kind: 'Thing', size: 'XXL' }), []);
    assert.deepEqual(kinds({ kind: 'Thing', tags: { a: 'b', c: 1 } }), ['type tags.c']);
    assert.deepEqual(kinds({ kind: 'Thing', bag: { anything: [1], goes: 'here' } }), []);
    assert.deepEqual(kinds({ kind: 'Thing', count: null }), ['null count']);
  });

  it('finds the operation with literal segments case-insensitive and checks its declared statuses', () => {
    assert.deepEqual(
      problemsOf(exchange({ path: THING_PATH.toUpperCase().replace('/A', '/a'), body: { kind: 'Thing' } })),
      [],
    );
    assert.deepEqual(problemsOf(exchange({ status: 203, body: { kind: 'Thing' } })), ['status']);
    assert.deepEqual(problemsOf(exchange({ status: 200 })), ['body'], 'a declared schema needs a body');
  });

  it("checks errors against the operation's default, or the ARM envelope where it declares none", () => {
    assert.deepEqual(problemsOf(exchange({ status: 404, body: { error: { code: 'NotFound', message: 'gone' } } })), []);
    assert.deepEqual(problemsOf(exchange({ status: 404, body: { error: { code: 404 } } })), ['type error.code']);
    assert.deepEqual(
      problemsOf(exchange({ method: 'PUT', status: 429, body: { error: { code: 'Throttled', extra: 1 } } })),
      ['undeclared error.extra'],
    );
  });

  it('fails a "no route" answer for a path the swagger declares, but accepts it for one it does not', () => {
    const noRoute = { error: { code: 'ResourceNotFound', message: `The sandbox has no route for GET ${THING_PATH}.` } };
    assert.deepEqual(problemsOf(exchange({ status: 404, body: noRoute })), ['no-route']);
    assert.deepEqual(problemsOf(exchange({ method: 'DELETE', status: 405, body: noRoute })), []);
    assert.equal(
      checker.check(exchange({ path: '/subscriptions/s1/providers/Test.Things/other', status: 404, body: noRoute }))
        .kind,
      'refused',
    );
    assert.deepEqual(
      problemsOf(exchange({ path: '/subscriptions/s1/providers/Test.Things/other', status: 200, body: {} })),
      ['operation'],
    );
  });

  it('wants Azure-AsyncOperation or Location on a long-running 202, pointing at a declared path; a PUT 201 may be polled by its body', () => {
    const result = `https://sandbox.invalid${THING_PATH}/operationResults/op1?api-version=2023-06-01`;
    assert.deepEqual(problemsOf(exchange({ method: 'PUT', status: 202 })), ['lro']);
    assert.deepEqual(problemsOf(exchange({ method: 'PUT', status: 202, headers: { location: result } })), []);
    assert.deepEqual(
      problemsOf(
        exchange({
          method: 'PUT',
          status: 202,
          headers: { 'azure-asyncoperation': `https://sandbox.invalid${THING_PATH}/operationsStatus/op1` },
        }),
      ),
      ['lro headers.azure-asyncoperation'],
    );
    assert.deepEqual(
      problemsOf(
        exchange({
          method: 'PUT',
          status: 201,
          body: { kind: 'Thing', properties: { provisioningState: 'Succeeded' } },
        }),
      ),
      [],
    );
    assert.deepEqual(problemsOf(exchange({ method: 'PUT', status: 201, body: { kind: 'Thing' } })), ['lro']);
  });
});
