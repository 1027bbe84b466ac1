import * as assert from 'node:assert/strict';
import { formHtml } from '../../../src/webview/formHtml';
import { createNonce } from '../../../src/webview/nonce';
import { assertStrictCsp } from './cspCheck';

const cspSource = 'https://*.vscode-cdn.net';

function page(title: string): string {
  return formHtml({
    cspSource,
    nonce: createNonce(),
    scriptUri: 'https://x.vscode-cdn.net/dist/webview.js',
    styleUri: 'https://x.vscode-cdn.net/media/forms.css',
    title,
    language: 'en',
  });
}

describe('webview pages: strict CSP', () => {
  it('default-src none, scripts by one nonce on every script, no unsafe sources', () => {
    assertStrictCsp(page('Create vault'), cspSource);
  });

  it('a fresh crypto nonce per render (1,000 renders, no repeats)', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => assertStrictCsp(page('x'), cspSource)));
    assert.equal(nonces.size, 1000);
  });

  it('a hostile title stays text in the page', () => {
    const html = page('"><script>alert(1)</script><img src=x onerror=alert(1)>\u202e');
    assertStrictCsp(html, cspSource);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!html.includes('<img'));
  });
});
