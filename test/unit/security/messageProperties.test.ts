// Property-based tests of both webview message validators (the forms' and the coverage page's) with fast-check:
// thousands of generated messages each — the well-formed templates of messageFuzz.ts broken one way (a field of
// another type, a required field dropped, an unexpected or prototype-polluting key, an oversized string, a bad
// request id), random JSON and random JavaScript values. A validator never throws, never accepts a broken message,
// and what it accepts is exactly what was sent (nothing dropped, nothing added). fast-check shrinks a failure to
// the smallest message that shows it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCoverageMessage } from '../../../src/coverage/validate';
import { parseWebviewMessage } from '../../../src/webview/validate';
import {
  coverageMessageTemplates,
  type Field,
  FORM_KINDS,
  formTemplates,
  getParent,
  type Template,
} from './messageFuzz';

type Validator = (raw: unknown) => unknown;

const VALIDATORS: [string, Validator, Template[]][] = [
  ...FORM_KINDS.map((kind): [string, Validator, Template[]] => [
    `the ${kind} form`,
    (raw) => parseWebviewMessage(kind, raw),
    formTemplates(kind),
  ]),
  ['the coverage page', parseCoverageMessage, coverageMessageTemplates()],
];
/** Runs per property and validator: with 7 validators, tens of thousands of messages in a few seconds. */
const RUNS = 1500;
const SEED = 20261203;
const params = { numRuns: RUNS, seed: SEED };

/** Keys a message must never carry: they reach for the prototype chain, or name nothing the protocol knows. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
];

/** A value of any kind but `kind` (what a page or an attacker could send in its place). */
function wrongValue(kind: Field['kind']): fc.Arbitrary<unknown> {
  const byKind: Record<Field['kind'], fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    int: fc.integer(),
    bool: fc.boolean(),
    array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  };
  const others = (Object.keys(byKind) as Field['kind'][]).filter((k) => k !== kind).map((k) => byKind[k]);
  const extra: fc.Arbitrary<unknown>[] = [fc.constant(null), fc.double({ noInteger: true })];
  // An int field takes no numbers beyond the safe range, and no non-integers (fractions, NaN, infinities).
  if (kind === 'int') extra.push(fc.constantFrom(2 ** 53, -(2 ** 60), Number.NaN, Infinity, -Infinity));
  return fc.oneof(...others, ...extra);
}

function set(message: Record<string, unknown>, path: string[], value: unknown): void {
  getParent(message, path)[path[path.length - 1] as string] = value;
}

/** A template broken in exactly one way; `how` says which, for the failure report. */
function brokenMessage(templates: Template[]): fc.Arbitrary<{ how: string; message: unknown }> {
  return fc.constantFrom(...templates).chain((t) => {
    const clone = (): Record<string, unknown> => structuredClone(t.message);
    const ways: fc.Arbitrary<{ how: string; message: unknown }>[] = [
      // Another message type, or none.
      fc
        .oneof(fc.string({ maxLength: 12 }), fc.constantFrom<unknown>(null, 1, [], {}, 'READY', 'submit ', '__proto__'))
        .filter((type) => typeof type !== 'string' || !templates.some((x) => x.message.type === type))
        .map((type) => {
          const m = clone();
          m.type = type;
          return { how: `type=${JSON.stringify(type)}`, message: m };
        }),
      // An unexpected key at the top or inside any nested object of the message, own and enumerable like JSON's.
      fc
        .tuple(
          fc.constantFrom([] as string[], ...t.fields.filter((f) => f.kind === 'object').map((f) => f.path)),
          fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .filter(
          ([path, key]) =>
            !Object.prototype.hasOwnProperty.call(
              path.length === 0 ? t.message : getParent(t.message, [...path, '']),
              key,
            ),
        )
        .map(([path, key, value]) => {
          const m = clone();
          Object.defineProperty(path.length === 0 ? m : getParent(m, [...path, '']), key, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          return { how: `extra key ${JSON.stringify(key)} at ${path.join('.') || 'top'}`, message: m };
        }),
    ];
    if (t.fields.length > 0) {
      ways.push(
        fc.constantFrom(...t.fields).chain((f) =>
          wrongValue(f.kind).map((value) => {
            const m = clone();
            set(m, f.path, value);
            return { how: `${f.path.join('.')} (${f.kind}) = ${JSON.stringify(value)}`, message: m };
          }),
        ),
      );
    }
    const required = t.fields.filter((f) => f.required);
    if (required.length > 0) {
      ways.push(
        fc.constantFrom(...required).map((f) => {
          const m = clone();
          delete getParent(m, f.path)[f.path[f.path.length - 1] as string];
          return { how: `without ${f.path.join('.')}`, message: m };
        }),
      );
    }
    const strings = t.fields.filter((f) => f.kind === 'string');
    if (strings.length > 0) {
      // Longer than any field's cap (1,024 is the largest), up to a few hundred thousand characters.
      ways.push(
        fc
          .tuple(
            fc.constantFrom(...strings),
            fc.integer({ min: 1025, max: 400_000 }),
            fc.constantFrom('a', '<', '\u202e', '💥', '\u0000'),
          )
          .map(([f, length, c]) => {
            const m = clone();
            set(m, f.path, c.repeat(length));
            return { how: `${f.path.join('.')} of ${length} × ${JSON.stringify(c)}`, message: m };
          }),
      );
    }
    return fc.oneof(...ways);
  });
}

/** A JSON message (as a page's postMessage would carry) with one of the known types, and fields of any shape. */
function jsonWithKnownType(templates: Template[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = [
    ...new Set(
      templates.flatMap((t) => [
        ...Object.keys(t.message),
        ...t.fields.map((f) => f.path[f.path.length - 1] as string),
      ]),
    ),
  ];
  return fc
    .tuple(
      fc.constantFrom(...templates.map((t) => t.message.type)),
      fc.dictionary(
        fc.oneof(fc.constantFrom(...keys, ...HOSTILE_KEYS), fc.string({ maxLength: 8 })),
        fc.jsonValue({ maxDepth: 3 }),
        { maxKeys: 8 },
      ),
    )
    .map(([type, rest]) => JSON.parse(JSON.stringify({ ...rest, type })) as Record<string, unknown>);
}

/** What a validator accepted is the message itself: same keys, same values, nothing dropped or added. */
function assertExact(accepted: unknown, sent: unknown): void {
  assert.deepStrictEqual(JSON.parse(JSON.stringify(accepted)), JSON.parse(JSON.stringify(sent)));
}

describe('webview message validators: properties (fast-check)', function () {
  this.timeout(60_000);

  for (const [name, validate, templates] of VALIDATORS) {
    describe(name, () => {
      it(`refuses ${RUNS} well-formed messages each broken one way`, () => {
        fc.assert(
          fc.property(brokenMessage(templates), ({ how, message }) => {
            assert.equal(validate(message), undefined, `accepted with ${how}`);
          }),
          params,
        );
      });

      it(`never throws on ${RUNS} random JSON messages of its own types, and accepts only exact ones`, () => {
        fc.assert(
          fc.property(jsonWithKnownType(templates), (message) => {
            const accepted = validate(message);
            if (accepted !== undefined) assertExact(accepted, message);
          }),
          params,
        );
      });

      it(`never throws on ${RUNS} arbitrary values (JSON or not) and accepts none that is not a template's shape`, () => {
        const anything = fc.anything({
          maxDepth: 3,
          maxKeys: 6,
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('type', 'requestId', 'payload', ...HOSTILE_KEYS)),
        });
        fc.assert(
          fc.property(anything, (value) => {
            const accepted = validate(value);
            if (accepted !== undefined) assertExact(accepted, value);
          }),
          params,
        );
      });

      it('accepts every template whatever its (valid) request id, and gives back exactly the message', () => {
        const withId = templates.filter((t) => 'requestId' in t.message);
        for (const t of templates) assertExact(validate(structuredClone(t.message)), t.message);
        if (withId.length === 0) return;
        fc.assert(
          fc.property(fc.constantFrom(...withId), fc.maxSafeNat(), (t, id) => {
            const m = { ...structuredClone(t.message), requestId: id };
            assertExact(validate(m), m);
          }),
          { ...params, numRuns: 300 },
        );
      });
    });
  }

  it('a message parsed from JSON with "__proto__" keys is refused and pollutes nothing', () => {
    const sources = [
      '{"type":"ready","__proto__":{"polluted":1}}',
      '{"type":"submit","requestId":1,"payload":{"retainUntil":"2030-01-01","__proto__":{"polluted":1}}}',
      '{"type":"export","requestId":1,"format":"csv","filter":{"status":"all","subscriptionId":"","location":"","text":"","__proto__":{"polluted":1}},"sort":{"key":"name","descending":false}}',
      '{"type":"enable","requestId":3,"groups":[{"subscriptionId":"s","vaultId":"v","policyName":"P","vmIds":["x"],"constructor":{"prototype":{"polluted":1}}}]}',
    ];
    for (const source of sources) {
      const raw: unknown = JSON.parse(source);
      for (const [name, validate] of VALIDATORS) assert.equal(validate(raw), undefined, `${name} refused ${source}`);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  });
});
