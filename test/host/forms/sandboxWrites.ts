// What reached Azure as a write: the sandbox's request log without reads. Shared by every boundary suite, whose
// refused inputs must leave this empty.
import type { RequestLogEntry } from '../../../src/sandbox/types';

/** Requests that only read, though not with GET: Resource Graph queries and the vault-name check. */
const READING_POST = /\/providers\/Microsoft\.ResourceGraph\/resources$|\/checkNameAvailability$/i;

export const writes = (entries: RequestLogEntry[]): string[] =>
  entries
    .filter((e) => e.method !== 'GET' && !READING_POST.test(e.path))
    .map((e) => `${e.method} ${e.path} → ${e.status}`);
