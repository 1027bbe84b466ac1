// Drives boundaryCases.ts: each row opens its real form through the registered command and posts the submit its
// page would post with the row's value. A refused value must come back as the message next to its field, with no
// write reaching the sandbox and the form left open (its draft lives in the page); an allowed one must pass.
import * as assert from 'assert';
import { formStrings } from '../../../src/webview/fieldMessages';
import type { FormKind, HostMessage } from '../../../src/webview/protocol';
import { useApi, withFastClock } from '../ui/helpers';
import { BOUNDARY_CASES, type BoundaryCase, type Expect } from './boundaryCases';
import { closeForms, openForm, prepareEstate, type Payload } from './formTargets';
import { writes } from './sandboxWrites';

/** The row's change over the form's valid payload: nested objects merged, arrays replaced, undefined removes. */
function merge(base: Payload, change: Payload): Payload {
  const out: Payload = { ...base };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete out[key];
    else if (isObject(value) && isObject(out[key])) out[key] = merge(out[key] as Payload, value);
    else out[key] = value;
  }
  return out;
}

function isObject(v: unknown): v is Payload {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const kindOf = (c: BoundaryCase): FormKind =>
  c.form === 'createPolicy' || c.form === 'editPolicy' ? 'policy' : c.form;

/** What the user reads next to the field, in the display language of the run. */
function expectedMessage(c: BoundaryCase, expect: Exclude<Expect, string>): string {
  if ('text' in expect) return expect.text;
  const text = formStrings(kindOf(c))[expect.key];
  assert.ok(text, `the form has a message "${expect.key}"`);
  if (!expect.range) return text;
  const { min, max } = expect.range;
  // A range of one value has its own message (weekly instant restore), naming that value.
  return min === max
    ? text.replace(/\{days\}/g, String(min))
    : text.replace('{min}', String(min)).replace('{max}', String(max));
}

const outcome = (e: Expect): string => (typeof e === 'string' ? e : `refused on ${e.field}`);

describe('Form inputs at their boundaries: a message next to the field, nothing sent to Azure', function () {
  this.timeout(120_000);
  const host = useApi();
  let requestId = 100;

  before(async () => {
    await prepareEstate(host.api);
  });
  after(() => closeForms());

  for (const c of BOUNDARY_CASES) {
    it(`${c.form} · ${c.rule} · ${c.input}: ${outcome(c.expect)}`, async () => {
      const valid = typeof c.expect === 'string';
      const { panel, base } = await openForm(host.api, c.form, valid);
      const payload = merge(base, typeof c.change === 'function' ? c.change() : c.change);
      const log = host.sandbox.requestLog;
      const mark = log.entries().length;
      const id = ++requestId;
      // The clock runs fast so that an accepted enable or backup reaches its job quickly.
      const reply = (await withFastClock(host.api, () => panel.receive({ type: 'submit', requestId: id, payload }))) as
        HostMessage | undefined;
      const written = writes(log.entries().slice(mark));
      assert.ok(reply?.type === 'reply' && reply.requestId === id, `the page got its answer: ${JSON.stringify(reply)}`);

      if (typeof c.expect !== 'string') {
        assert.ok(!reply.ok, `refused: ${JSON.stringify(reply)}`);
        assert.deepStrictEqual(
          { field: reply.error.field, message: reply.error.message },
          { field: c.expect.field, message: expectedMessage(c, c.expect) },
        );
        assert.strictEqual(reply.error.code, undefined, 'a message of the form, not an error from Azure');
        assert.deepStrictEqual(written, [], 'nothing was written to Azure');
        assert.ok(host.api.forms.list().includes(panel), 'the form stays open with its draft');
        return;
      }
      assert.ok(reply.ok || !reply.error.field, `no message on a field: ${JSON.stringify(reply)}`);
      assert.ok(reply.ok || written.length > 0, `the form let it through: ${JSON.stringify(reply)}`);
      if (c.expect === 'accepted') {
        assert.ok(reply.ok, `Azure accepted it: ${JSON.stringify(reply)}`);
        assert.ok(
          written.length > 0 && written.every((w) => /→ 2\d\d$/.test(w)),
          `the write reached the sandbox and succeeded: ${written.join(', ')}`,
        );
      }
    });
  }
});
