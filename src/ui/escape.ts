// Escaping for every value that reaches a Markdown tooltip or a document: resource names come from users.

const markdownSpecial = /[\\`*_{}[\]()#|<>~&]/g;

/** Escapes Markdown and HTML metacharacters so a name renders as literal text. */
export function escapeMarkdown(value: string): string {
  return isolateBidi(value.replace(markdownSpecial, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/\r?\n/g, ' '));
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
