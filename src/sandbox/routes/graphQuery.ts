/**
 * The few Resource Graph (KQL) query shapes the sandbox understands; not a KQL engine. A query is a pipeline of
 * `|`-separated stages over rows (plain objects), applied in order:
 *   Resources | RecoveryServicesResources | ResourceContainers   the table (first stage, required)
 *   where type =~ 'TYPE'                               required as the first `where`, TYPE one the sandbox keeps in
 *                                                      that table (GRAPH_TABLES)
 *   where COL =~|==|!=|!~ 'v' [and ...]                 COL: a column or dotted path (properties.x.y)
 *   where COL in|in~|!in|!in~ ('a', 'b', ...)
 *   project COL, NAME = PATH, NAME = tostring(PATH), NAME = tolower(PATH|tostring(PATH))
 *                                                      a bare dotted path is named with `_` for `.` (as Kusto does)
 *   order by|sort by COL [asc|desc] [, COL [asc|desc]] Kusto's default is desc
 *   summarize count() [by COL|NAME = tostring(PATH), ...]   one row per group, the count in `count_`
 * Anything else throws UnsupportedQuery with a message naming these shapes.
 */
export type Row = Record<string, unknown>;
export type Stage = (rows: Row[]) => Row[];

export class UnsupportedQuery extends Error {}

/** The tables the sandbox serves, each with the resource types it holds. */
export const GRAPH_TABLES = {
  resources: ['microsoft.compute/virtualmachines', 'microsoft.recoveryservices/vaults'],
  recoveryservicesresources: [
    'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems',
    'microsoft.recoveryservices/vaults/backuppolicies',
  ],
  resourcecontainers: ['microsoft.resources/subscriptions/resourcegroups'],
} as const;
export type GraphTable = keyof typeof GRAPH_TABLES;
export type GraphType = (typeof GRAPH_TABLES)[GraphTable][number];

export const SUPPORTED_SHAPES = `${Object.entries(GRAPH_TABLES)
  .map(([table, types]) => `${table} | where type =~ '${types.join("' (or '")}'`)
  .join(
    '; ',
  )} [| where COL =~|==|!=|!~ 'v' [and ...] | where COL in|in~ ('a', ...)] [| project COL, NAME = PATH, NAME = tostring(PATH), NAME = tolower(tostring(PATH))] [| order by COL asc|desc [, COL asc|desc]] [| summarize count() [by COL, NAME = tostring(PATH)]]`;
const PATH = String.raw`[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*`;
const STRING = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;

/** Splits on `sep` (case-insensitive) outside quotes and parentheses. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  const lower = text.toLowerCase();
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && lower.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + sep.length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const unquote = (s: string): string => s.slice(1, -1).replace(/\\(.)/g, '$1');

/** The value at a dotted path, its keys split once per query rather than once per row. */
function getter(path: string): (row: Row) => unknown {
  const keys = path.split('.');
  return (row) => {
    let v: unknown = row;
    for (const key of keys) v = typeof v === 'object' && v !== null ? (v as Row)[key] : undefined;
    return v;
  };
}

function condition(text: string): (row: Row) => boolean {
  const cmp = new RegExp(`^(${PATH})\\s*(=~|==|!=|!~)\\s*(${STRING})$`).exec(text);
  if (cmp) {
    const [, path, op, literal] = cmp;
    const wanted = unquote(literal);
    const insensitive = op.endsWith('~');
    const at = getter(path);
    const equal = (row: Row): boolean => {
      const v = String(at(row) ?? '');
      return insensitive ? v.toLowerCase() === wanted.toLowerCase() : v === wanted;
    };
    return op.startsWith('!') ? (row) => !equal(row) : equal;
  }
  const list = new RegExp(`^(${PATH})\\s+(!?in~?)\\s*\\((.*)\\)$`).exec(text);
  if (list) {
    const [, path, op, inner] = list;
    const items = splitTop(inner, ',');
    if (!items.every((i) => new RegExp(`^(${STRING})$`).test(i)))
      throw new UnsupportedQuery(`unsupported list in '${text}'`);
    const insensitive = op.endsWith('~');
    const set = new Set(items.map(unquote).map((s) => (insensitive ? s.toLowerCase() : s)));
    const at = getter(path);
    const has = (row: Row): boolean => {
      const v = String(at(row) ?? '');
      return set.has(insensitive ? v.toLowerCase() : v);
    };
    return op.startsWith('!') ? (row) => !has(row) : has;
  }
  throw new UnsupportedQuery(`unsupported condition '${text}'`);
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function projection(text: string): Stage {
  const columns = splitTop(text, ',').map((c) => {
    const lower = new RegExp(`^([A-Za-z_]\\w*)\\s*=\\s*tolower\\((?:tostring\\((${PATH})\\)|(${PATH}))\\)$`).exec(c);
    if (lower) return { name: lower[1], at: getter(lower[2] ?? lower[3]), asString: true, lower: true };
    const named = new RegExp(`^([A-Za-z_]\\w*)\\s*=\\s*(?:tostring\\((${PATH})\\)|(${PATH}))$`).exec(c);
    if (named)
      return { name: named[1], at: getter(named[2] ?? named[3]), asString: named[2] !== undefined, lower: false };
    if (new RegExp(`^${PATH}$`).test(c))
      return { name: c.replace(/\./g, '_'), at: getter(c), asString: false, lower: false };
    throw new UnsupportedQuery(`unsupported column '${c}'`);
  });
  return (rows) =>
    rows.map((row) => {
      const out: Row = {};
      for (const { name, at, asString, lower } of columns) {
        const v = at(row);
        // tostring() of a missing value is '' in Kusto; a missing column projects as null.
        const text = asString ? asText(v) : undefined;
        out[name] = text === undefined ? (v ?? null) : lower ? text.toLowerCase() : text;
      }
      return out;
    });
}

function ordering(text: string): Stage {
  const keys = splitTop(text, ',').map((k) => {
    const key = new RegExp(`^(${PATH})(?:\\s+(asc|desc))?$`, 'i').exec(k);
    if (!key) throw new UnsupportedQuery(`unsupported order key '${k}'`);
    return { at: getter(key[1]), sign: (key[2] ?? 'desc').toLowerCase() === 'asc' ? 1 : -1 };
  });
  // Kusto compares strings ordinally (case-sensitive), as `<` does. Keys read once per row, not once per comparison.
  return (rows) =>
    rows
      .map((row) => ({ row, values: keys.map((k) => String(k.at(row) ?? '')) }))
      .sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
          const x = a.values[i];
          const y = b.values[i];
          if (x !== y) return x < y ? -keys[i].sign : keys[i].sign;
        }
        return 0;
      })
      .map((e) => e.row);
}

/** `count() [by COL, NAME = tostring(PATH)]`: one row per distinct group, in first-seen order, with `count_`. */
function summarizing(text: string): Stage {
  const parsed = /^count\(\)(?:\s+by\s+(.+))?$/i.exec(text);
  if (!parsed) throw new UnsupportedQuery(`unsupported summarize '${text}' (only count() [by ...])`);
  const groups = parsed[1] ? projection(parsed[1]) : () => [{}];
  return (rows) => {
    const counted = new Map<string, Row>();
    for (const key of groups(rows)) {
      const text = JSON.stringify(key);
      const known = counted.get(text);
      if (known) (known.count_ as number)++;
      else counted.set(text, { ...key, count_: 1 });
    }
    // count() without groups over no rows is one row with 0, as in Kusto.
    return parsed[1] || rows.length ? [...counted.values()] : [{ count_: 0 }];
  };
}

export interface ParsedQuery {
  table: GraphTable;
  /** The resource type of the first `where`: the rows the table holds for this query. */
  type: GraphType;
  stages: Stage[];
  /** Whether the result keeps an `id` column (ARG pages only such results: without it, no $skipToken). */
  keepsId: boolean;
}

export function parseGraphQuery(query: string): ParsedQuery {
  const [tableName, ...rest] = splitTop(query.replace(/\s+/g, ' ').trim(), '|');
  const table = (tableName ?? '').toLowerCase();
  if (!(table in GRAPH_TABLES))
    throw new UnsupportedQuery(
      `the first stage must be the Resources, RecoveryServicesResources or ResourceContainers table, not '${tableName}'`,
    );
  const types: readonly string[] = GRAPH_TABLES[table as GraphTable];
  const wantedType = types.join("' or '");
  let type: GraphType | undefined;
  const stages: Stage[] = [];
  let typed = false;
  let keepsId = true;
  for (const stage of rest) {
    const where = /^where (.+)$/i.exec(stage);
    const project = /^project (.+)$/i.exec(stage);
    const order = /^(?:order|sort) by (.+)$/i.exec(stage);
    const summarize = /^summarize (.+)$/i.exec(stage);
    if (where) {
      const conditions = splitTop(where[1], ' and ');
      if (!typed) {
        const first = /^type\s*(=~|==)\s*(['"])(.*)\2$/.exec(conditions[0] ?? '');
        const named = first ? types.find((t) => t === first[3].toLowerCase()) : undefined;
        if (!first || !named || (first[1] === '==' && first[3] !== named)) {
          throw new UnsupportedQuery(`the first where must be type =~ '${wantedType}'`);
        }
        type = named as GraphType;
        typed = true;
        conditions.shift();
      }
      const tests = conditions.map(condition);
      stages.push((rows) => rows.filter((row) => tests.every((t) => t(row))));
    } else if (project) {
      if (!typed) throw new UnsupportedQuery('project before the type filter');
      const p = projection(project[1]);
      keepsId = /(^|,)\s*id\s*(,|$)/.test(project[1]);
      stages.push(p);
    } else if (order) {
      stages.push(ordering(order[1]));
    } else if (summarize) {
      if (!typed) throw new UnsupportedQuery('summarize before the type filter');
      stages.push(summarizing(summarize[1]));
      keepsId = false;
    } else {
      throw new UnsupportedQuery(`unsupported stage '${stage}'`);
    }
  }
  if (!typed || !type) throw new UnsupportedQuery(`the query has no where type =~ '${wantedType}'`);
  return { table: table as GraphTable, type, stages, keepsId };
}
