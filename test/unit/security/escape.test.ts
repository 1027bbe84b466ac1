import * as assert from 'node:assert/strict';
import { escapeCodicons, escapeMarkdown, isolateBidi, oneLine, plainText } from '../../../src/presentation/escape';
import { escapeHtml } from '../../../src/presentation/htmlDocument';
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
    assert.equal(
      escapeHtml(`"><img src=x onerror='alert(1)'>&`),
      '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;',
    );
  });

  it('QuickPick: icon syntax shown as text', () => {
    assert.equal(escapeCodicons('$(alert) x $(sync~spin)'), '\\$(alert) x \\$(sync~spin)');
    assert.equal(escapeCodicons('\u202egpj.exe'), '\u2068\u202egpj.exe\u2069', 'a right-to-left override is isolated');
    assert.equal(isolateBidi('plain'), 'plain');
    assert.equal(escapeMarkdown('a\u202eb'), '\u2068a\u202eb\u2069');
  });

  it('every kind of line break becomes a space: a name adds no rows to a tooltip', () => {
    for (const br of ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029']) {
      assert.equal(escapeMarkdown(`a${br}b`), 'a b', JSON.stringify(br));
      assert.equal(oneLine(`a${br}b`), 'a b', JSON.stringify(br));
    }
    assert.equal(escapeMarkdown('a\r\n\r\nb'), 'a  b', 'CRLF is one break');
  });

  // What a notification makes a link of: `[label](target)` where the target starts with https://, http://, command:
  // or file: (case-insensitive), as VS Code's notification renderer reads messages.
  const notificationLink = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+/i;

  it('notification text: no link survives, the text reads the same', () => {
    const hostile = [
      '[quit](command:workbench.action.quit)',
      'x [a](https://example.invalid) y',
      '[f](FILE:///etc/passwd "t")',
      '[[nested]](command:a)',
      '](command:a)[b](command:c)',
      'Policy [deny](command:workbench.action.reloadWindow)\r\ndetails',
      ...HOSTILE_VM_NAMES,
    ];
    for (const text of hostile) {
      const shown = plainText(text);
      assert.ok(!notificationLink.test(shown), `no link in ${JSON.stringify(shown)}`);
      assert.equal(shown.replace(/\u2060/g, ''), oneLine(text), 'only an invisible character is added');
    }
    assert.ok(notificationLink.test('[quit](command:workbench.action.quit)'), 'the check itself recognises a link');
    assert.equal(plainText('web-vm-01 (westeurope)'), 'web-vm-01 (westeurope)', 'ordinary text unchanged');
  });
});
