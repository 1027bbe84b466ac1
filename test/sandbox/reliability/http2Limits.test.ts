// HTTP/2 connections are bounded: streams at once (announced in SETTINGS), session memory, and idle time.
import * as assert from 'node:assert/strict';
import * as http2 from 'node:http2';
import type { RunningSandbox } from '../../../src/sandbox';
import { HTTP2_MAX_CONCURRENT_STREAMS } from '../../../src/sandbox/http/server';
import { startTestSandbox } from '../emulator/helpers';
import { connectHttp2 } from './rawClient';

describe('reliability: HTTP/2 limits', function () {
  this.timeout(30_000);
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox({ http2IdleTimeoutMs: 300 });
  });
  after(async () => {
    await sandbox.stop();
  });

  it('announces a bound on concurrent streams', async () => {
    const session = http2.connect(sandbox.endpoint, { ca: sandbox.ca });
    try {
      const settings = await new Promise<http2.Settings>((resolve, reject) => {
        session.once('remoteSettings', resolve);
        session.once('error', reject);
      });
      assert.equal(settings.maxConcurrentStreams, HTTP2_MAX_CONCURRENT_STREAMS);
      assert.ok(HTTP2_MAX_CONCURRENT_STREAMS >= 100 && HTTP2_MAX_CONCURRENT_STREAMS <= 1000);
    } finally {
      session.close();
    }
  });

  it('closes a session that stays idle', async () => {
    const session = await connectHttp2(sandbox);
    const goaway = new Promise<boolean>((resolve) => {
      session.once('goaway', () => resolve(true));
      session.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 5_000);
    });
    assert.equal(await goaway, true, 'the server ended the idle session');
    session.destroy();
  });
});
