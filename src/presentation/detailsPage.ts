// A details page (job, recovery points, policy) as data, and its read-only HTML: every value is escaped text,
// the page runs no script, and its CSP allows nothing but the extension's own stylesheet. Pure: unit-tested.
import { escapeHtml, htmlPage } from './htmlDocument';

export interface DetailsTable {
  columns: string[];
  rows: string[][];
}

export interface DetailsSection {
  heading?: string;
  /** Label and value pairs, shown as a definition list. */
  facts?: [string, string][];
  table?: DetailsTable;
  /** A sentence shown when the section has nothing else (e.g. "No recovery points yet."). */
  note?: string;
}

export interface DetailsPage {
  title: string;
  sections: DetailsSection[];
}

export function detailsCsp(cspSource: string): string {
  return ["default-src 'none'", `style-src ${cspSource}`, `font-src ${cspSource}`, "form-action 'none'"].join('; ');
}

export function detailsHtml(page: DetailsPage, o: { cspSource: string; styleUri: string; language: string }): string {
  const e = escapeHtml;
  const body = page.sections
    .map((s) => {
      const parts: string[] = [];
      if (s.heading) parts.push(`<h2>${e(s.heading)}</h2>`);
      if (s.facts?.length)
        parts.push(
          `<dl>${s.facts.map(([k, v]) => `<div class="fact"><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>`,
        );
      if (s.table) {
        const head = s.table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('');
        const rows = s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n');
        parts.push(`<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`);
      }
      if (s.note) parts.push(`<p class="note">${e(s.note)}</p>`);
      return `<section>${parts.join('\n')}</section>`;
    })
    .join('\n');
  return htmlPage({
    language: o.language,
    csp: detailsCsp(o.cspSource),
    styleUri: o.styleUri,
    title: page.title,
    body: `<h1>${e(page.title)}</h1>\n${body}`,
  });
}

/** The page as plain text (what the commands return, and what a screen reader of the log would read). */
export function detailsText(page: DetailsPage): string {
  const lines = [page.title, ''];
  for (const s of page.sections) {
    if (s.heading) lines.push(s.heading);
    for (const [k, v] of s.facts ?? []) lines.push(`${k}: ${v}`);
    if (s.table) {
      lines.push(s.table.columns.join('\t'));
      for (const r of s.table.rows) lines.push(r.join('\t'));
    }
    if (s.note) lines.push(s.note);
    lines.push('');
  }
  return lines.join('\n');
}
