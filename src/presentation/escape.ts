// Escaping for every value that reaches a Markdown tooltip or a document: resource names come from users.

const markdownSpecial = /[\\`*_{}[\]()#|<>~&]/g;
// Every kind of line break a renderer may honour: CRLF, LF, a lone CR, NEL, LINE and PARAGRAPH SEPARATOR.
const lineBreaks = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** Escapes Markdown and HTML metacharacters so a name renders as literal text. */
export function escapeMarkdown(value: string): string {
  return isolateBidi(
    value
      .replace(markdownSpecial, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      .replace(lineBreaks, ' '),
  );
}

/** The value on one line: each line break becomes a space, so a name cannot add rows to what quotes it. */
export function oneLine(value: string): string {
  return value.replace(lineBreaks, ' ');
}

/**
 * Text for a notification, a progress notification, a modal or a QuickPick. Notifications turn `[label](command:…)`
 * (also `https:` and `file:` targets) into a link that runs the command or opens the target, and names and ARM
 * messages quoting others' text may hold that syntax. A word joiner (U+2060, invisible) between `]` and `(` keeps
 * the text as it reads and leaves no link; line breaks become spaces.
 */
export function plainText(value: string): string {
  return oneLine(value).replace(/\]\(/g, ']\u2060(');
}

const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * A name with bidirectional controls (e.g. U+202E, right-to-left override) is wrapped in an isolate (U+2068 …
 * U+2069), which ends their effect with the name: without it the override also reverses what follows (the
 * description after a tree label or a QuickPick entry). Other names are returned unchanged.
 */
export function isolateBidi(value: string): string {
  return bidiControl.test(value) ? `\u2068${value}\u2069` : value;
}

/** QuickPick labels and descriptions render `$(name)` as an icon: escaped, a name shows as the text it is. */
export function escapeCodicons(value: string): string {
  return isolateBidi(value.replace(/\$\(/g, '\\$('));
}
