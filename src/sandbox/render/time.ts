/** Wire formats for times and durations. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** An ISO-8601 duration as the backup service writes it, e.g. `PT4M8.893S`. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 1000) / 1000;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}
