import * as assert from 'node:assert/strict';
import { escapeCodicons, escapeMarkdown, isolateBidi } from '../../../src/ui/escape';
import { escapeHtml } from '../../../src/webview/formHtml';
import { HOSTILE_RG, HOSTILE_VM_NAMES } from '../../host/security/hostileNames';

describe('escaping hostile names', () => {
  it('Markdown tooltips: no raw markup, links, emphasis or code survive', () => {
    for (const name of [...HOSTILE_VM_NAMES, HOSTILE_RG, '"><script>alert(1)</script>']) {
      const md = escapeMarkdown(name);
      assert.ok(!md.includes('<') && !md.includes('>'), md);
      assert.ok(!/(^|[^\\])[[\]()*_`]/.test(md), `every Markdown metacharacter is escaped: ${md}`);
    }
    assert.equal(escapeMarkdown('a\nb'), 'a b', 'one line');
  });

  it('HTML: the five characters that matter', () => {
    assert.equal(escapeHtml(`"><img src=x onerror='alert(1)'>&`), '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;');
  });

  it('QuickPick: icon syntax shown as text', () => {
    assert.equal(escapeCodicons('$(alert) x $(sync~spin)'), '\\$(alert) x \\$(sync~spin)');
    assert.equal(escapeCodicons('\u202egpj.exe'), '\u2068\u202egpj.exe\u2069', 'a right-to-left override is isolated');
    assert.equal(isolateBidi('plain'), 'plain');
    assert.equal(escapeMarkdown('a\u202eb'), '\u2068a\u202eb\u2069');
  });
});
