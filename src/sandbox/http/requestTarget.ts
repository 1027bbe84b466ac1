/**
 * Reads a request target (HTTP/1.1 request line or HTTP/2 `:path`) without `new URL`, which throws on targets such
 * as `//[` and reads `//subscriptions/...` as a host. Origin form and http(s) absolute form are taken; the path must
 * hold only RFC 3986 path characters with well-formed, UTF-8 percent escapes, so routes never see an undecodable segment.
 */
export type ParsedTarget =
  { ok: true; path: string; search: string; query: URLSearchParams } | { ok: false; reason: string };

const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/[^/?#]*/;

export function parseRequestTarget(raw: string): ParsedTarget {
  let target = raw;
  const absolute = ABSOLUTE.exec(target);
  if (absolute) {
    if (!/^https?$/i.test(absolute[1]))
      return { ok: false, reason: `the scheme '${absolute[1]}' is not http or https` };
    if (!URL.canParse(target)) return { ok: false, reason: 'it is not a valid absolute URI' };
    target = target.slice(absolute[0].length) || '/';
  }
  if (!target.startsWith('/')) return { ok: false, reason: "the path does not start with '/'" };
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const search = q < 0 ? '' : target.slice(q + 1);
  if (!PATH_CHARS.test(path)) return { ok: false, reason: 'the path holds characters a URI path cannot' };
  if (BAD_ESCAPE.test(path))
    return { ok: false, reason: "the path holds a '%' that is not followed by two hex digits" };
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return { ok: false, reason: 'the path holds percent escapes that are not UTF-8' };
    }
  }
  return { ok: true, path, search, query: new URLSearchParams(search) };
}
