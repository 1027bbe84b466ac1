// Dates and durations as the backup service writes them.

/** The service's "never" (2001-01-01, or year 1) as undefined; anything unparsable too. */
export function meaningfulDate(value: Date | string | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const date = value instanceof Date ? value : new Date(value);
  const t = date.getTime();
  return Number.isNaN(t) || t <= SENTINEL_MS ? undefined : date;
}

const SENTINEL_MS = Date.UTC(2001, 0, 1);

const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO-8601 durations as the service sends them ('PT4M8.8931801S', 'P1DT2H') in milliseconds. */
export function parseIsoDuration(value: string | undefined): number | undefined {
  if (!value) {
    return undefined;
  }
  const m = ISO_DURATION.exec(value.trim());
  if (!m || value.trim() === 'P' || value.trim() === 'PT') {
    return undefined;
  }
  const [days, hours, minutes, seconds] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}

/** The jobs/recovery-points filter date format: 'yyyy-MM-dd hh:mm:ss tt', 12-hour clock, UTC (midnight is 12 AM). */
export function formatFilterDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const h24 = date.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(h12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h24 < 12 ? 'AM' : 'PM'}`
  );
}
