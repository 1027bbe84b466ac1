// Shape checks for untrusted webview messages: types and lengths only, never the form's own rules. Pure.
export type Obj = Record<string, unknown>;

export const maxText = 256;
export const maxId = 1024;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown, max = maxText, min = 0): string | undefined {
  return typeof v === 'string' && v.length >= min && v.length <= max ? v : undefined;
}

export function int(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** A whole number the user typed into a number field; its range is the form's rule, not the channel's. */
export function typedInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
}

/** Only allowed keys, so nothing unexpected travels further. */
export function onlyKeys(o: Obj, keys: string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}
