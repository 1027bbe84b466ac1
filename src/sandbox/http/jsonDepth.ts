/**
 * How deep a JSON text nests, found by scanning it once (outside strings) before it is parsed: a body nested
 * thousands deep parses, but serialising it again (answer, data file) overflows the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in `text`, or `limit + 1` as soon as it goes past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return limit + 1;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
