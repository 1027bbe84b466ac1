// A seeded generator of hostile webview messages: each one starts from a well-formed message of a form (or of
// the coverage page) and is broken in one way that the validators must refuse — a wrong type, an oversized
// string, a missing required field, an unexpected key, a bad request id — or is not a message at all.
// Shared by the unit fuzz (the pure validators), the property-based tests (messageProperties.test.ts, which mutate
// the same templates with fast-check) and the host fuzz (the real panels' handlers).
import { formContracts } from '../../../src/webview/forms';
import type { FormKind } from '../../../src/webview/protocol';

/** Every form kind, read from the registry, so a new kind is fuzzed (here, by property and in the host) unlisted. */
export const FORM_KINDS: readonly FormKind[] = formContracts.map((c) => c.kind);

type Json = unknown;
type Obj = Record<string, Json>;

/** mulberry32: small, seedable, good enough to spread mutations; the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A field of a template: where it is, what it holds, whether the message is invalid without it. */
export interface Field {
  path: string[];
  kind: 'string' | 'int' | 'bool' | 'array' | 'object';
  required: boolean;
}
/** A well-formed message and its fields: changing any field's kind, or dropping a required one, makes it invalid. */
export interface Template {
  message: Obj;
  fields: Field[];
}

const vmId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm';
const policy = {
  name: 'Nightly',
  policyType: 'V2',
  timeZone: 'UTC',
  instantRestoreDays: 2,
  schedule: { frequency: 'Weekly', time: '22:30', days: ['Monday'] },
  retention: { dailyDays: 30, weeklyWeeks: 4, weeklyDays: ['Monday'] },
};
const policyFields: Field[] = [
  ...['name', 'timeZone'].map((k): Field => ({ path: ['payload', k], kind: 'string', required: true })),
  { path: ['payload', 'policyType'], kind: 'string', required: false },
  { path: ['payload', 'instantRestoreDays'], kind: 'int', required: true },
  { path: ['payload', 'schedule'], kind: 'object', required: true },
  { path: ['payload', 'schedule', 'frequency'], kind: 'string', required: true },
  { path: ['payload', 'schedule', 'time'], kind: 'string', required: true },
  { path: ['payload', 'schedule', 'days'], kind: 'array', required: false },
  { path: ['payload', 'retention'], kind: 'object', required: true },
  { path: ['payload', 'retention', 'dailyDays'], kind: 'int', required: false },
  { path: ['payload', 'retention', 'weeklyWeeks'], kind: 'int', required: false },
  { path: ['payload', 'retention', 'weeklyDays'], kind: 'array', required: false },
];

function submit(payload: Obj, fields: [string, Field['kind'], boolean][]): Template {
  return {
    message: { type: 'submit', requestId: 7, payload },
    fields: [
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['payload'], kind: 'object', required: true },
      ...fields.map(([k, kind, required]): Field => ({ path: ['payload', k], kind, required })),
    ],
  };
}

const submits: Record<FormKind, Template> = {
  createVault: submit(
    { subscriptionId: 's', name: 'vault-1', resourceGroup: 'rg', newResourceGroup: false, location: 'westeurope' },
    [
      ['subscriptionId', 'string', true],
      ['name', 'string', true],
      ['resourceGroup', 'string', true],
      ['newResourceGroup', 'bool', true],
      ['location', 'string', true],
    ],
  ),
  storage: submit({ redundancy: 'LocallyRedundant', crossRegionRestore: false }, [
    ['redundancy', 'string', true],
    ['crossRegionRestore', 'bool', true],
  ]),
  enableBackupVm: submit(
    {
      vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v',
      newVaultName: '',
      policyName: 'DefaultPolicy',
    },
    [
      ['vaultId', 'string', true],
      ['newVaultName', 'string', true],
      ['policyName', 'string', true],
    ],
  ),
  enableBackupVault: submit({ policyName: 'DefaultPolicy', vmIds: [vmId] }, [
    ['policyName', 'string', true],
    ['vmIds', 'array', true],
  ]),
  backupNow: submit({ retainUntil: '2030-01-01' }, [['retainUntil', 'string', true]]),
  vaultSecurity: submit(
    { softDelete: 'Enabled', softDeleteRetentionDays: 30, enhancedSecurity: 'Enabled', confirmName: '' },
    [
      ['softDelete', 'string', true],
      ['softDeleteRetentionDays', 'int', true],
      ['enhancedSecurity', 'string', true],
      ['confirmName', 'string', true],
    ],
  ),
  restore: submit(
    {
      kind: 'newVm',
      vmName: 'vm-1',
      targetResourceGroup: 'rg',
      virtualNetworkId: '/v',
      subnetId: '/v/subnets/s',
      stagingStorageAccountId: '/s',
      zone: '',
      confirmName: '',
    },
    [
      'kind',
      'vmName',
      'targetResourceGroup',
      'virtualNetworkId',
      'subnetId',
      'stagingStorageAccountId',
      'zone',
      'confirmName',
    ].map((k): [string, Field['kind'], boolean] => [k, 'string', true]),
  ),
  policy: {
    ...submit(policy, []),
    fields: [
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['payload'], kind: 'object', required: true },
      ...policyFields,
    ],
  },
};

const formCommon: Template[] = [
  { message: { type: 'openJob', jobName: 'job-1' }, fields: [{ path: ['jobName'], kind: 'string', required: true }] },
  { message: { type: 'ready' }, fields: [] },
  {
    message: {
      type: 'query',
      requestId: 3,
      query: 'checkVaultName',
      subscriptionId: 's',
      resourceGroup: 'rg',
      location: 'westeurope',
      name: 'vault-1',
    },
    fields: [
      ['requestId', 'int'],
      ['query', 'string'],
      ['subscriptionId', 'string'],
      ['resourceGroup', 'string'],
      ['location', 'string'],
      ['name', 'string'],
    ].map(([k, kind]): Field => ({ path: [k], kind: kind as Field['kind'], required: true })),
  },
  {
    message: { type: 'query', requestId: 5, query: 'checkVmName', resourceGroup: 'rg', name: 'vm-1' },
    fields: [
      ['requestId', 'int'],
      ['query', 'string'],
      ['resourceGroup', 'string'],
      ['name', 'string'],
    ].map(([k, kind]): Field => ({ path: [k], kind: kind as Field['kind'], required: true })),
  },
  {
    message: { type: 'query', requestId: 4, query: 'vaultPolicies', vaultId: 'v' },
    fields: [
      { path: ['vaultId'], kind: 'string', required: true },
      { path: ['requestId'], kind: 'int', required: true },
    ],
  },
];

const filter = { status: 'all', subscriptionId: '', location: '', text: '' };
const coverageTemplates: Template[] = [
  { message: { type: 'ready' }, fields: [] },
  { message: { type: 'refresh' }, fields: [] },
  {
    message: { type: 'export', requestId: 1, format: 'csv', filter, sort: { key: 'name', descending: false } },
    fields: [
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['format'], kind: 'string', required: true },
      { path: ['filter'], kind: 'object', required: true },
      { path: ['filter', 'text'], kind: 'string', required: true },
      { path: ['sort'], kind: 'object', required: true },
      { path: ['sort', 'descending'], kind: 'bool', required: true },
    ],
  },
  {
    message: { type: 'rows', requestId: 4, filter, sort: { key: 'status', descending: true }, offset: 0, count: 80 },
    fields: [
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['filter'], kind: 'object', required: true },
      { path: ['filter', 'status'], kind: 'string', required: true },
      { path: ['sort'], kind: 'object', required: true },
      { path: ['sort', 'key'], kind: 'string', required: true },
      { path: ['offset'], kind: 'int', required: true },
      { path: ['count'], kind: 'int', required: true },
    ],
  },
  {
    message: { type: 'selectFiltered', requestId: 5, filter },
    fields: [
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['filter'], kind: 'object', required: true },
      { path: ['filter', 'subscriptionId'], kind: 'string', required: true },
    ],
  },
  {
    message: { type: 'lookup', requestId: 6, vmIds: [vmId] },
    fields: [
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['vmIds'], kind: 'array', required: true },
      { path: ['vmIds', '0'], kind: 'string', required: true },
    ],
  },
  {
    message: {
      type: 'createVault',
      requestId: 2,
      subscriptionId: 's',
      location: 'westeurope',
      resourceGroup: 'rg',
      name: 'vault-1',
    },
    fields: ['subscriptionId', 'location', 'resourceGroup', 'name'].map((k): Field => ({
      path: [k],
      kind: 'string',
      required: true,
    })),
  },
  {
    message: {
      type: 'enable',
      requestId: 3,
      groups: [{ subscriptionId: 's', vaultId: 'v', policyName: 'DefaultPolicy', vmIds: [vmId] }],
    },
    fields: [
      { path: ['groups'], kind: 'array', required: true },
      { path: ['requestId'], kind: 'int', required: true },
      { path: ['groups', '0'], kind: 'object', required: true },
      { path: ['groups', '0', 'vmIds'], kind: 'array', required: true },
      ...['subscriptionId', 'vaultId', 'policyName'].map((k): Field => ({
        path: ['groups', '0', k],
        kind: 'string',
        required: true,
      })),
    ],
  },
];

export type Mutation =
  'notAMessage' | 'unknownType' | 'wrongType' | 'oversized' | 'missing' | 'extraKey' | 'badRequestId';
export const MUTATIONS: readonly Mutation[] = [
  'notAMessage',
  'unknownType',
  'wrongType',
  'oversized',
  'missing',
  'extraKey',
  'badRequestId',
];

function wrongValue(kind: Field['kind'], pick: <T>(xs: readonly T[]) => T): Json {
  const all: [Field['kind'] | 'null' | 'float', Json][] = [
    ['string', 'x'],
    ['int', 42],
    ['float', 1.5],
    ['bool', true],
    ['array', ['x']],
    ['object', { x: 1 }],
    ['null', null],
  ];
  return pick(all.filter(([k]) => k !== kind).map(([, v]) => v));
}

export function getParent(message: Obj, path: string[]): Obj {
  let node: Obj = message;
  for (const key of path.slice(0, -1)) node = node[key] as Obj;
  return node;
}

/** One hostile message made from one of `templates`. */
function mutate(templates: Template[], random: () => number): { message: Json; mutation: Mutation } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const template = pick(templates);
  const message = structuredClone(template.message);
  const mutation = pick(MUTATIONS);
  const strings = template.fields.filter((f) => f.kind === 'string');
  const required = template.fields.filter((f) => f.required);
  switch (mutation) {
    case 'notAMessage':
      return {
        message: pick<Json>([
          null,
          undefined,
          0,
          -1,
          'ready',
          '{"type":"ready"}',
          true,
          [],
          [message],
          1e308,
          'x'.repeat(100_000),
        ]),
        mutation,
      };
    case 'unknownType':
      message.type = pick<Json>([
        'exec',
        'eval',
        'READY',
        'submit ',
        '',
        '__proto__',
        'constructor',
        'x'.repeat(10_000),
        1,
        null,
        ['submit'],
        { type: 'submit' },
      ]);
      return { message, mutation };
    case 'wrongType': {
      const field = template.fields.length > 0 ? pick(template.fields) : undefined;
      if (!field) break;
      getParent(message, field.path)[field.path[field.path.length - 1] as string] = wrongValue(field.kind, pick);
      return { message, mutation };
    }
    case 'oversized': {
      const field = strings.length > 0 ? pick(strings) : undefined;
      if (!field) break;
      getParent(message, field.path)[field.path[field.path.length - 1] as string] = pick([
        'a',
        '<',
        '\u202e',
        '💥',
      ]).repeat(2000 + Math.floor(random() * 300_000));
      return { message, mutation };
    }
    case 'missing': {
      const field = required.length > 0 ? pick(required) : undefined;
      if (!field) break;
      delete getParent(message, field.path)[field.path[field.path.length - 1] as string];
      return { message, mutation };
    }
    case 'badRequestId':
      if (!('requestId' in message)) break;
      message.requestId = pick<Json>([-1, 1.5, '1', Number.NaN, Infinity, 2 ** 60, null, [1], { id: 1 }]);
      return { message, mutation };
    case 'extraKey':
      break;
  }
  // An unexpected key, at the top or inside any nested object of the message.
  const objects = [
    message,
    ...template.fields.filter((f) => f.kind === 'object').map((f) => getParent(message, [...f.path, ''])),
  ];
  const target = pick(objects);
  target[pick(['__proto__x', 'constructor', 'evil', 'command', 'toString', 'x'.repeat(300)])] = pick<Json>([
    1,
    'rm -rf /',
    { nested: true },
    null,
  ]);
  return { message, mutation: 'extraKey' };
}

/** `count` hostile messages for a form of `kind`, the same ones for the same seed. */
export function hostileFormMessages(
  kind: FormKind,
  count: number,
  seed: number,
): { message: Json; mutation: Mutation }[] {
  const random = seededRandom(seed);
  const templates = [submits[kind], ...formCommon];
  return Array.from({ length: count }, () => mutate(templates, random));
}

export function hostileCoverageMessages(count: number, seed: number): { message: Json; mutation: Mutation }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => mutate(coverageTemplates, random));
}

/** The templates of a form of `kind`: its submit and the messages every form sends. */
export function formTemplates(kind: FormKind): Template[] {
  return [submits[kind], ...formCommon].map((t) => structuredClone(t));
}

export function coverageMessageTemplates(): Template[] {
  return coverageTemplates.map((t) => structuredClone(t));
}

/** The well-formed messages the mutations start from (the fuzz first checks that these are accepted). */
export function validFormMessages(kind: FormKind): Json[] {
  return [submits[kind], ...formCommon].map((t) => structuredClone(t.message));
}

export function validCoverageMessages(): Json[] {
  return coverageTemplates.map((t) => structuredClone(t.message));
}
