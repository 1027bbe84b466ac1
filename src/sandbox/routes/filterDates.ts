/** Dates in `$filter`: the service's `yyyy-MM-dd hh:mm:ss tt` (UTC; both `12:00:00 AM` and `00:00:00 AM` mean midnight) or ISO-8601. */
import { errors } from '../http/errors';

export function parseFilterDate(value: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(AM|PM)?$/i.exec(value.trim());
  if (m) {
    let hour = Number(m[4]);
    const ampm = m[7]?.toUpperCase();
    if (ampm) {
      if (hour > 12) throw errors.invalidInput(`${field} '${value}' has an hour above 12 with ${ampm}`);
      if (hour === 12) hour = 0;
      if (ampm === 'PM') hour += 12;
    }
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, Number(m[5]), Number(m[6] ?? 0));
    const check = new Date(t);
    if (check.getUTCDate() === Number(m[3]) && hour < 24 && Number(m[5]) < 60) return t;
  } else {
    const t = Date.parse(value);
    if (!Number.isNaN(t) && /^\d{4}-\d{2}-\d{2}/.test(value)) return t;
  }
  throw errors.invalidInput(`${field} '${value}' is not a valid date (expected 'yyyy-MM-dd hh:mm:ss tt' or ISO-8601)`);
}

/** The optional [start, end] window of a filter; start after end is invalid input. */
export function dateWindow(
  filter: Map<string, string>,
  startField: string,
  endField: string,
): { start: number; end: number } {
  const s = filter.get(startField.toLowerCase());
  const e = filter.get(endField.toLowerCase());
  const start = s === undefined ? -Infinity : parseFilterDate(s, startField);
  const end = e === undefined ? Infinity : parseFilterDate(e, endField);
  if (start > end) throw errors.invalidInput(`${startField} must not be after ${endField}`);
  return { start, end };
}
