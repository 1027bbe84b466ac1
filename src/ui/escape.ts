// Escaping for every value that reaches a Markdown tooltip or a document: resource names come from users.

const markdownSpecial = /[\\`*_{}[\]()#|<>~&]/g;

/** Escapes Markdown and HTML metacharacters so a name renders as literal text. */
export function escapeMarkdown(value: string): string {
  return value.replace(markdownSpecial, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/\r?\n/g, ' ');
}
