// The data file under a full disk (a real one: a 256 KB tmpfs mounted for the test), planted symbolic links, and a
// file that is JSON but not a whole state. The sandbox must say what went wrong and never change another file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { STORY_SUBSCRIPTION_ID, startSandbox } from '../../../src/sandbox';
import { type ChildSandbox, errorCodeOf, rawHttp1, startChildSandbox } from './rawClient';

const RG = (name: string) => `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourcegroups/${name}?api-version=2025-04-01`;

function put(name: string): string {
  const body = JSON.stringify({ location: 'westeurope' });
  return `PUT ${RG(name)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
}

async function until(probe: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('reliability: the data file on a full disk', function () {
  this.timeout(60_000);
  let dir: string;
  let sandbox: ChildSandbox | undefined;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rel-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]);
  });
  after(async () => {
    await sandbox?.stop();
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a failed save at once, leaves no temp file, refuses changes until a retry saves, then keeps them', async () => {
    const dataFile = path.join(dir, 'sandbox.json');
    sandbox = await startChildSandbox({ dataFile, seed: 'story' });
    await until(() => existsSync(dataFile), 'the first save');
    assert.equal((await rawHttp1(sandbox, put('before-full'))).status, 201);
    await until(() => readFileSync(dataFile, 'utf8').includes('before-full'), 'the save of before-full');
    const saved = readFileSync(dataFile, 'utf8');

    // Fill the disk to the last block.
    const filler = path.join(dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(512 * 1024));
    } catch {
      /* ENOSPC: the disk is full, as wanted */
    }
    assert.equal((await rawHttp1(sandbox, put('during-full'))).status, 201, 'taken before the save is tried');
    await until(
      () => /could not save .*sandbox\.json: .*ENOSPC/.test(sandbox?.stderr() ?? ''),
      'the report on stderr',
      3_000,
    );
    assert.equal(readFileSync(dataFile, 'utf8'), saved, 'the file keeps the last complete state');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temp file left',
    );

    const refused = await rawHttp1(sandbox, put('while-full'));
    assert.equal(refused.status, 503, refused.body);
    assert.equal(errorCodeOf(refused.body), 'ServiceUnavailable');
    assert.match(refused.body, /cannot save its data file \(.*ENOSPC/);
    const read = await rawHttp1(
      sandbox,
      `GET ${RG('during-full')} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(read.status, 200, 'reads go on');

    rmSync(filler);
    await until(() => readFileSync(dataFile, 'utf8').includes('during-full'), 'the retried save', 10_000);
    assert.match(sandbox.stderr(), /saved again after \d+ failed attempt/);
    assert.equal((await rawHttp1(sandbox, put('after-full'))).status, 201, 'changes taken again');
    assert.equal(sandbox.exited(), undefined);
  });

  it('tells the health of the data file through the control', async () => {
    const dataFile = path.join(dir, 'health.json');
    const running = await startSandbox({ dataFile });
    try {
      await until(() => existsSync(dataFile), 'the first save');
      await new Promise((r) => setTimeout(r, 100));
      const healthy = running.control.health();
      assert.equal(healthy.ok, true);
      assert.equal(healthy.failures, 0);
      assert.ok(healthy.lastSavedAt);
      const filler = path.join(dir, 'filler2');
      try {
        writeFileSync(filler, Buffer.alloc(512 * 1024));
      } catch {
        /* full */
      }
      running.control.addVm({ resourceGroup: 'contoso-web-rg', name: 'health-vm' });
      await until(() => !running.control.health().ok, 'the failed save');
      assert.match(running.control.health().lastError ?? '', /ENOSPC/);
      rmSync(filler);
      await until(() => running.control.health().ok, 'the retried save', 10_000);
    } finally {
      await running.stop();
    }
  });
});

describe('reliability: the data file and symbolic links', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rel-link-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a data file that is a symbolic link, and leaves its target alone', async () => {
    const target = path.join(dir, 'elsewhere.json');
    writeFileSync(target, 'precious');
    const link = path.join(dir, 'sandbox.json');
    symlinkSync(target, link);
    await assert.rejects(startSandbox({ dataFile: link }), /sandbox\.json is a symbolic link/);
    assert.equal(readFileSync(target, 'utf8'), 'precious');
  });

  it('refuses a CA file that is a symbolic link, and leaves its target alone', async () => {
    const target = path.join(dir, 'victim.txt');
    writeFileSync(target, 'precious');
    const dataFile = path.join(dir, 'sandbox.json');
    symlinkSync(target, `${dataFile}.ca.pem`);
    await assert.rejects(startSandbox({ dataFile }), /ca\.pem is a symbolic link/);
    assert.equal(readFileSync(target, 'utf8'), 'precious');
  });

  it('writes its temp files under names nobody can plant a link at', async () => {
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const dataFile = path.join(dir, 'sandbox.json');
    // The names a predictable scheme would use, linked to the victim.
    for (const name of [`${dataFile}.${process.pid}.tmp`, `${dataFile}.tmp`]) symlinkSync(victim, name);
    const sandbox = await startSandbox({ dataFile });
    await sandbox.stop();
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.equal((JSON.parse(readFileSync(dataFile, 'utf8')) as { version: number }).version, 1);
  });

  it('refuses a data file turned into a link while it runs, and says so', async () => {
    const dataFile = path.join(dir, 'sandbox.json');
    const sandbox = await startSandbox({ dataFile });
    const target = path.join(dir, 'elsewhere.json');
    writeFileSync(target, 'precious');
    rmSync(dataFile, { force: true });
    symlinkSync(target, dataFile);
    sandbox.control.addVm({ resourceGroup: 'contoso-web-rg', name: 'link-vm' });
    await until(() => !sandbox.control.health().ok, 'the refused save');
    assert.match(sandbox.control.health().lastError ?? '', /symbolic link/);
    assert.equal(readFileSync(target, 'utf8'), 'precious');
    rmSync(dataFile);
    await sandbox.stop();
  });
});

describe('reliability: an incomplete data file', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rel-part-'));
    mkdirSync(dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and what it lacks when it holds only {"version":1}', async () => {
    const dataFile = path.join(dir, 'partial.json');
    writeFileSync(dataFile, '{"version":1}');
    await assert.rejects(startSandbox({ dataFile }), (e: Error) => {
      assert.ok(e.message.includes(dataFile), e.message);
      assert.match(
        e.message,
        /lacks tenantId \(a string\), counter \(a number\), savedAt \(a number\), subscriptions \(a list\),/,
      );
      return true;
    });
  });

  it('refuses a data file in a folder that does not exist, and leaves no server listening', async () => {
    const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    const listening = servers();
    await assert.rejects(startSandbox({ dataFile: path.join(dir, 'missing', 'sandbox.json') }), /ENOENT/);
    // A closed server's handle goes away within a few ticks; a leaked one stays.
    await until(() => servers() === listening, 'the server to be closed', 1_000).catch(() => undefined);
    assert.equal(servers(), listening);
  });

  it('names the file when it is not JSON', async () => {
    const dataFile = path.join(dir, 'broken.json');
    writeFileSync(dataFile, '{"version":');
    await assert.rejects(
      startSandbox({ dataFile }),
      new RegExp(`${dataFile.replace(/[.\\/]/g, '\\$&')} is not a sandbox data file: it is not valid JSON`),
    );
  });
});
