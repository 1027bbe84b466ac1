// Pure date helpers for descriptions and form defaults; no vscode import so they are unit-tested in plain mocha.

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day';

/** How long ago `then` was, in the largest whole unit (never negative). */
export function elapsed(then: Date, now: Date): { value: number; unit: RelativeUnit } {
  const seconds = Math.max(0, Math.floor((now.getTime() - then.getTime()) / 1000));
  if (seconds < 60) return { value: seconds, unit: 'second' };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { value: hours, unit: 'hour' };
  return { value: Math.floor(hours / 24), unit: 'day' };
}

/** 'YYYY-MM-DD' of a date in UTC, the format of <input type=date>. */
export function toDateInput(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole days in UTC. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** A duration in milliseconds as h:mm:ss. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The locale to format with: the display language when Intl knows it, else English. */
function knownLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

/** A moment as the display language writes it, in this machine's time zone (or `timeZone`): "3 dec 2026 09:24" in Dutch. */
export function formatDateTime(date: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(knownLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A day as the display language writes it, in this machine's time zone (or `timeZone`). */
export function formatDate(date: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(knownLocale(locale), {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
