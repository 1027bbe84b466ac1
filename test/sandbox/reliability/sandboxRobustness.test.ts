// The sandbox under hostile input (beyond test/sandbox/emulator/http.test.ts): every refusal is ARM-shaped
// with a request id and the server keeps serving; it listens on loopback only; expired tokens get ARM's
// answer; and its data file survives a SIGKILL in the middle of a write.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunningSandbox } from '../../../src/sandbox';
import { STORY_SUBSCRIPTION_ID, startSandbox } from '../../../src/sandbox';
import { armCode, rawRequest, startTestSandbox } from '../emulator/helpers';

const AUTH = { Authorization: 'Bearer x' };

function send(sandbox: RunningSandbox, bad: Hostile) {
  const auth = bad.auth === undefined ? AUTH : bad.auth === null ? {} : { Authorization: bad.auth };
  return rawRequest(sandbox, bad.method, bad.path, { headers: { ...auth, ...bad.headers }, body: bad.body });
}
const RG = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourcegroups/robust-rg?api-version=2025-04-01`;
const VAULTS = `/subscriptions/${STORY_SUBSCRIPTION_ID}/providers/Microsoft.RecoveryServices/vaults?api-version=2026-07-01`;

interface Hostile {
  name: string;
  method: string;
  path: string;
  /** The Authorization header; 'Bearer x' unless given, none when null. */
  auth?: string | null;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number;
  code: string;
}

const HOSTILE: Hostile[] = [
  {
    name: 'no Authorization header',
    method: 'GET',
    path: VAULTS,
    auth: null,
    status: 401,
    code: 'AuthenticationFailed',
  },
  {
    name: 'an empty Bearer token',
    method: 'GET',
    path: VAULTS,
    auth: 'Bearer ',
    status: 401,
    code: 'AuthenticationFailed',
  },
  {
    name: 'a Basic credential',
    method: 'GET',
    path: VAULTS,
    auth: 'Basic dXNlcjpwYXNz',
    status: 401,
    code: 'AuthenticationFailed',
  },
  {
    name: 'an expired token',
    method: 'GET',
    path: VAULTS,
    auth: 'Bearer expired-abc',
    status: 401,
    code: 'ExpiredAuthenticationToken',
  },
  {
    name: 'truncated JSON',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'application/json' },
    body: '{"location": "westeu',
    status: 400,
    code: 'InvalidRequestContent',
  },
  {
    name: 'binary garbage as JSON',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]),
    status: 400,
    code: 'InvalidRequestContent',
  },
  {
    name: 'deeply nested JSON',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'application/json' },
    body: '['.repeat(200_000) + ']'.repeat(200_000),
    status: 400,
    code: 'InvalidRequestContent',
  },
  {
    name: 'a JSON array where an object belongs',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'application/json' },
    body: '[1,2]',
    status: 400,
    code: 'LocationRequired',
  },
  {
    name: 'text/plain',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'text/plain' },
    body: 'location=westeurope',
    status: 415,
    code: 'UnsupportedMediaType',
  },
  {
    name: 'multipart/form-data',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: '--x--',
    status: 415,
    code: 'UnsupportedMediaType',
  },
  {
    name: 'a 6 MB body',
    method: 'PUT',
    path: RG,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.alloc(6 * 1024 * 1024, 0x20),
    status: 413,
    code: 'RequestEntityTooLarge',
  },
  {
    name: 'an unknown provider',
    method: 'GET',
    path: `/subscriptions/${STORY_SUBSCRIPTION_ID}/providers/Evil.Provider/x?api-version=2023-06-01`,
    status: 404,
    code: 'ResourceNotFound',
  },
  {
    name: 'path traversal',
    method: 'GET',
    path: '/subscriptions/../../etc/passwd?api-version=2023-06-01',
    status: 404,
    code: 'ResourceNotFound',
  },
  { name: 'a verb the route lacks', method: 'PATCH', path: VAULTS, status: 405, code: 'MethodNotAllowed' },
];

describe('reliability: sandbox robustness', function () {
  this.timeout(30_000);
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(async () => {
    await sandbox.stop();
  });

  for (const bad of HOSTILE) {
    it(`refuses ${bad.name} with ${bad.status} ${bad.code} in ARM shape, and keeps serving`, async () => {
      const r = await send(sandbox, bad);
      assert.equal(r.status, bad.status);
      assert.equal(armCode(r.json), bad.code);
      assert.equal(typeof (r.json as { error: { message: unknown } }).error.message, 'string');
      assert.match(String(r.headers['x-ms-request-id']), /^[0-9a-f-]{36}$/);
      if (bad.status === 401)
        assert.match(String(r.headers['www-authenticate']), /^Bearer authorization_uri=.*error="invalid_token"/);
      assert.equal((await rawRequest(sandbox, 'GET', VAULTS, { headers: AUTH })).status, 200, 'still serving');
    });
  }

  it('serves normal requests while hostile ones arrive at the same time', async () => {
    const flood = HOSTILE.flatMap((bad) => [0, 1].map(() => send(sandbox, bad)));
    const normal = Array.from({ length: 10 }, () => rawRequest(sandbox, 'GET', VAULTS, { headers: AUTH }));
    const results = await Promise.all([...flood, ...normal]);
    assert.deepEqual(
      results.slice(flood.length).map((r) => r.status),
      Array(10).fill(200),
    );
  });

  it('listens on loopback only: other hosts refused at start, other interfaces refuse connections', async () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.1']) await assert.rejects(startSandbox({ host }), /loopback/, host);
    assert.equal(new URL(sandbox.endpoint).hostname, '127.0.0.1');
    const port = Number(new URL(sandbox.endpoint).port);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a?.address ?? '');
    for (const address of external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      assert.equal(outcome, 'ECONNREFUSED', `${address}:${port}`);
    }
  });
});

describe('reliability: sandbox data file survives SIGKILL mid-write', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rel-kill-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts the busy child, kills it the moment a temp file (a write in progress) appears, or after 3 s. */
  async function killMidWrite(dataFile: string): Promise<boolean> {
    const child = spawn(process.execPath, [path.join(__dirname, 'busyWriter.js'), dataFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the writer exited early (${String(code)})`)));
    });
    const midWrite = await new Promise<boolean>((resolve) => {
      const watcher = watch(dir, (_event, name) => {
        if (name?.endsWith('.tmp') && existsSync(path.join(dir, name))) {
          child.kill('SIGKILL');
          watcher.close();
          clearTimeout(fallback);
          resolve(true);
        }
      });
      const fallback = setTimeout(() => {
        child.kill('SIGKILL');
        watcher.close();
        resolve(false);
      }, 3_000);
    });
    await exited;
    return midWrite;
  }

  it('still parses and loads after three kills in the middle of writing, temp leftovers and all', async () => {
    const dataFile = path.join(dir, 'sandbox.json');
    let killedMidWrite = 0;
    let vmsInFile = 0;
    for (let round = 0; round < 3; round++) {
      if (await killMidWrite(dataFile)) killedMidWrite++;
      const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { version: number; vms: unknown[] };
      assert.equal(state.version, 1);
      assert.ok(state.vms.length >= 2_000, `round ${round}: ${state.vms.length} VMs`);
      vmsInFile = state.vms.length;
    }
    assert.ok(killedMidWrite > 0, 'at least one kill landed while a write was in progress');
    assert.ok(
      readdirSync(dir).some((f) => f.endsWith('.tmp')),
      'a half-written temp file was left behind',
    );
    const sandbox = await startSandbox({ dataFile });
    try {
      const r = await rawRequest(
        sandbox,
        'GET',
        `/subscriptions/${sandbox.subscriptionIds()[0]}/providers/Microsoft.RecoveryServices/vaults?api-version=2026-07-01`,
        { headers: AUTH },
      );
      assert.equal(r.status, 200);
      assert.equal((r.json as { value: unknown[] }).value.length, 4);
      assert.equal(sandbox.control.snapshot().vms.length, vmsInFile, 'the last complete write is what loads');
    } finally {
      await sandbox.stop();
    }
  });
});
