/**
 * ARM's api-version check: required, a real date (yyyy-mm-dd[-preview]) for every call, and for a route the sandbox
 * serves one of the versions its provider publishes; anything else is 400 InvalidApiVersionParameter naming them.
 */
import { errors } from './errors';

/**
 * Versions per provider namespace, as the providers' REST API specs publish them (listed from those, not fetched from
 * ARM, so a version missing here is a one-line addition). They cover the SDKs this repo pins (compute 2026-04-01,
 * recoveryservices 2026-07-01, recoveryservicesbackup 2023-06-01, resources 2025-04-01, subscriptions 2022-12-01,
 * resourcegraph 2024-04-01) and the older ones independent clients such as the Azure CLI send.
 */
export const SUPPORTED_API_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  'microsoft.resources': [
    '2014-04-01-preview',
    '2015-01-01',
    '2015-11-01',
    '2016-02-01',
    '2016-06-01',
    '2016-07-01',
    '2016-09-01',
    '2017-05-10',
    '2017-08-01',
    '2018-02-01',
    '2018-05-01',
    '2018-06-01',
    '2019-03-01',
    '2019-05-01',
    '2019-05-10',
    '2019-06-01',
    '2019-07-01',
    '2019-08-01',
    '2019-10-01',
    '2019-11-01',
    '2020-01-01',
    '2020-06-01',
    '2020-08-01',
    '2020-10-01',
    '2021-01-01',
    '2021-04-01',
    '2022-01-01',
    '2022-09-01',
    '2022-12-01',
    '2023-07-01',
    '2024-03-01',
    '2024-07-01',
    '2024-11-01',
    '2025-01-01',
    '2025-03-01',
    '2025-04-01',
  ],
  'microsoft.compute': [
    '2015-05-01-preview',
    '2015-06-15',
    '2016-03-30',
    '2016-04-30-preview',
    '2017-03-30',
    '2017-12-01',
    '2018-04-01',
    '2018-06-01',
    '2018-10-01',
    '2019-03-01',
    '2019-07-01',
    '2019-12-01',
    '2020-06-01',
    '2020-12-01',
    '2021-03-01',
    '2021-04-01',
    '2021-07-01',
    '2021-11-01',
    '2022-03-01',
    '2022-08-01',
    '2022-11-01',
    '2023-03-01',
    '2023-07-01',
    '2023-09-01',
    '2024-03-01',
    '2024-07-01',
    '2024-11-01',
    '2025-04-01',
    '2025-11-01',
    '2026-04-01',
    // Managed disks version apart from VMs (the compute SDK sends 2026-03-02 for disks).
    '2019-11-01',
    '2020-05-01',
    '2020-06-30',
    '2020-09-30',
    '2021-08-01',
    '2021-12-01',
    '2022-03-02',
    '2022-07-02',
    '2023-01-02',
    '2023-04-02',
    '2023-10-02',
    '2024-03-02',
    '2025-01-02',
    '2026-03-02',
  ],
  // Vaults and the backup service share the namespace, so one list serves both route families.
  'microsoft.recoveryservices': [
    '2016-06-01',
    '2016-08-10',
    '2016-12-01',
    '2017-07-01',
    '2018-01-10',
    '2018-07-10',
    '2019-05-13',
    '2019-06-15',
    '2020-02-02',
    '2020-10-01',
    '2020-12-01',
    '2021-01-01',
    '2021-02-01',
    '2021-02-01-preview',
    '2021-02-10',
    '2021-03-01',
    '2021-04-01',
    '2021-06-01',
    '2021-07-01',
    '2021-08-01',
    '2021-10-01',
    '2021-11-01-preview',
    '2021-12-01',
    '2022-01-01',
    '2022-01-31-preview',
    '2022-02-01',
    '2022-03-01',
    '2022-04-01',
    '2022-05-01',
    '2022-06-01-preview',
    '2022-08-01',
    '2022-09-01-preview',
    '2022-09-10',
    '2022-09-30-preview',
    '2022-10-01',
    '2023-01-01',
    '2023-02-01',
    '2023-04-01',
    '2023-06-01',
    '2023-08-01',
    '2024-01-01',
    '2024-02-01',
    '2024-04-01',
    '2024-04-30-preview',
    '2024-07-30-preview',
    '2024-09-30-preview',
    '2024-10-01',
    '2024-11-01-preview',
    '2025-01-01',
    '2025-02-01',
    '2025-02-28-preview',
    '2025-08-01',
    '2026-01-01',
    '2026-02-01',
    '2026-05-01',
    '2026-07-01',
  ],
  'microsoft.resourcegraph': [
    '2018-09-01-preview',
    '2019-04-01',
    '2020-04-01-preview',
    '2020-09-01-preview',
    '2021-03-01',
    '2021-06-01-preview',
    '2022-10-01',
    '2024-04-01',
  ],
};

/** Required and a real calendar date; run before routing, so an unknown path with a bad version is still a 400. */
export function checkApiVersion(value: string | undefined): string {
  if (value === undefined || value === '') throw errors.missingApiVersion();
  const m = /^(\d{4})-(\d{2})-(\d{2})(-preview|-privatepreview)?$/i.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw errors.invalidApiVersion(value, undefined);
  }
  return value;
}

/** The namespace a path belongs to: the one after its last `providers` segment, else Microsoft.Resources. */
export function providerNamespaceOf(segments: readonly string[]): string {
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i].toLowerCase() === 'providers') return segments[i + 1].toLowerCase();
  }
  return 'microsoft.resources';
}

/** A version the route's provider publishes (compared case-insensitively, as ARM does). */
export function checkApiVersionForRoute(value: string, segments: readonly string[]): void {
  const supported = SUPPORTED_API_VERSIONS[providerNamespaceOf(segments)];
  if (!supported) return;
  const wanted = value.toLowerCase();
  if (!supported.includes(wanted)) throw errors.invalidApiVersion(value, supported);
}
