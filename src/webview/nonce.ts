import { randomBytes } from 'node:crypto';

/** A fresh CSP nonce per page load: 128 bits from the OS CSPRNG. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}
