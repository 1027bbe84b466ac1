// The page of a form: nothing but a root element, the stylesheet from media/ and the nonce'd bundle from dist/.
// Everything else (strings, data) arrives by message after the ready handshake, so no value is ever
// interpolated into HTML except the escaped title.
import { escapeHtml, htmlPage } from '../presentation/htmlDocument';

export interface FormHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  language: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "form-action 'none'",
  ].join('; ');
}

export function formHtml(i: FormHtmlInput): string {
  return htmlPage({
    language: i.language,
    csp: contentSecurityPolicy(i.cspSource, i.nonce),
    styleUri: i.styleUri,
    title: i.title,
    body: `<main id="app"></main>\n<script nonce="${escapeHtml(i.nonce)}" src="${escapeHtml(i.scriptUri)}"></script>`,
  });
}
