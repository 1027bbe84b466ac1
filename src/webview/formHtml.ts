// The page of a form: nothing but a root element, the stylesheet from media/ and the nonce'd bundle from dist/.
// Everything else (strings, data) arrives by message after the ready handshake, so no value is ever
// interpolated into HTML except the escaped title.

export interface FormHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  language: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
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

export interface HtmlPageInput {
  language: string;
  csp: string;
  styleUri: string;
  title: string;
  /** Markup already escaped by the caller. */
  body: string;
}

/** The document every webview page is: its language, one CSP, our stylesheet, a title; the body is the caller's. */
export function htmlPage(i: HtmlPageInput): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(i.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(i.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(i.styleUri)}">
<title>${escapeHtml(i.title)}</title>
</head>
<body>
${i.body}
</body>
</html>`;
}

export function formHtml(i: FormHtmlInput): string {
  return htmlPage({
    language: i.language, csp: contentSecurityPolicy(i.cspSource, i.nonce), styleUri: i.styleUri, title: i.title,
    body: `<main id="app"></main>\n<script nonce="${escapeHtml(i.nonce)}" src="${escapeHtml(i.scriptUri)}"></script>`,
  });
}
