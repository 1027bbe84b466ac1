import * as assert from 'node:assert/strict';
import { parseCoverageMessage } from '../../../src/coverage/validate';
import { formContracts } from '../../../src/webview/forms';
import { describeMessage, parseWebviewMessage } from '../../../src/webview/validate';
import {
  FORM_KINDS,
  hostileCoverageMessages,
  hostileFormMessages,
  MUTATIONS,
  validCoverageMessages,
  validFormMessages,
} from './messageFuzz';

const PER_KIND = 2000;

describe('webview message fuzz (the pure validators)', () => {
  for (const kind of FORM_KINDS) {
    it(`the ${kind} form refuses ${PER_KIND} seeded hostile messages and accepts the originals`, () => {
      for (const valid of validFormMessages(kind))
        assert.ok(parseWebviewMessage(kind, valid), `a well-formed message is accepted: ${JSON.stringify(valid)}`);
      const seen = new Set<string>();
      for (const [i, { message, mutation }] of hostileFormMessages(
        kind,
        PER_KIND,
        7 + FORM_KINDS.indexOf(kind),
      ).entries()) {
        seen.add(mutation);
        assert.equal(
          parseWebviewMessage(kind, message),
          undefined,
          `#${i} (${mutation}) was accepted: ${describeMessage(message)} ${JSON.stringify(message)?.slice(0, 300)}`,
        );
      }
      assert.deepEqual([...seen].sort(), [...MUTATIONS].sort(), 'every kind of mutation was tried');
    });
  }

  it('fuzzes every kind of the form registry, restore among them, each once', () => {
    assert.ok(FORM_KINDS.includes('restore'));
    assert.equal(new Set(FORM_KINDS).size, FORM_KINDS.length);
    assert.deepEqual([...FORM_KINDS].sort(), formContracts.map((c) => c.kind).sort());
  });

  it(`the coverage page refuses ${PER_KIND} seeded hostile messages and accepts the originals`, () => {
    for (const valid of validCoverageMessages()) assert.ok(parseCoverageMessage(valid), JSON.stringify(valid));
    for (const [i, { message, mutation }] of hostileCoverageMessages(PER_KIND, 99).entries()) {
      assert.equal(
        parseCoverageMessage(message),
        undefined,
        `#${i} (${mutation}) was accepted: ${JSON.stringify(message)?.slice(0, 300)}`,
      );
    }
  });

  it('is repeatable: the same seed gives the same messages', () => {
    assert.deepEqual(
      JSON.stringify(hostileFormMessages('policy', 50, 3)),
      JSON.stringify(hostileFormMessages('policy', 50, 3)),
    );
    assert.notDeepEqual(
      JSON.stringify(hostileFormMessages('policy', 50, 3)),
      JSON.stringify(hostileFormMessages('policy', 50, 4)),
    );
  });

  it('describes a refused message by type and size only, never its content', () => {
    const secret = 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature';
    const line = describeMessage({ type: 'submit', payload: { token: secret } });
    assert.match(line, /^type="submit" size=\d+$/);
    assert.ok(!line.includes('eyJ'));
    assert.equal(describeMessage([1]), 'type=array size=3');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(describeMessage(cyclic), 'type=object size=-1');
    assert.equal(describeMessage({ type: 'x'.repeat(1000) }).length < 80, true, 'long types are clipped');
  });
});
