// Reads a webview page the way a reviewer would: its Content-Security-Policy and its <script> tags.
// Shared by the unit test (formHtml) and the host test (each real panel's HTML).
import * as assert from 'node:assert/strict';

export function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const content = (metas[0]?.[1] ?? '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const directives = new Map<string, string[]>();
  for (const part of content
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    assert.ok(name && !directives.has(name), `directive ${String(name)} once`);
    directives.set(name, values);
  }
  return directives;
}

/** Asserts the strict policy of DESIGN.md and returns the page's nonce. */
export function assertStrictCsp(html: string, cspSource: string): string {
  const csp = cspOf(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  const scriptSrc = csp.get('script-src') ?? [];
  assert.equal(scriptSrc.length, 1, `script-src is one nonce only: ${scriptSrc.join(' ')}`);
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(scriptSrc[0] ?? '')?.[1];
  assert.ok(nonce, `script-src is a nonce: ${scriptSrc.join(' ')}`);
  assert.ok(Buffer.from(nonce, 'base64').length >= 16, 'the nonce carries at least 128 bits');
  for (const [name, values] of csp) {
    for (const v of values) {
      assert.ok(
        !/unsafe-(inline|eval|hashes)|wasm-unsafe-eval|^\*$|^https?:$|^data:$/.test(v) ||
          (name === 'img-src' && v === 'data:'),
        `${name} allows ${v}`,
      );
      if (name !== 'default-src' && name !== 'script-src' && name !== 'form-action' && v !== 'data:')
        assert.ok(cspSource.split(/\s+/).includes(v), `${name} only from the webview's own source: ${v}`);
    }
  }
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)];
  assert.ok(scripts.length >= 1, 'the page has its bundle');
  for (const [, attributes] of scripts)
    assert.match(
      attributes ?? '',
      new RegExp(`\\bnonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}"`),
      'every script carries the nonce',
    );
  assert.ok(!/<[^>]*\son[a-z]+\s*=/i.test(html), 'no inline event handlers in any tag');
  assert.ok(!/<script\b[^>]*>[^<\s]/i.test(html), 'no inline script bodies');
  return nonce;
}
