/** A fresh self-signed certificate for localhost / 127.0.0.1 / ::1; the certificate itself is the CA clients trust. */
import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
}

export async function makeCertificate(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600e3);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 366 * 24 * 3600e3),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
