// The HTML document shell every webview page shares (forms and details pages) and the escaping of values in it.

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
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
