/** ARM's api-version check: required, well-formed, and (being tolerant like ARM) any plausible date. */
import { ArmError } from './errors';

export function checkApiVersion(value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(-preview|-privatepreview)?$/i.exec(value);
  const year = m ? Number(m[1]) : 0;
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  if (!m || year < 2015 || year > 2027 || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new ArmError(400, 'InvalidApiVersionParameter',
      `The api-version '${value}' is invalid. The supported versions are '2015-01-01' through '2027-12-31' (yyyy-mm-dd[-preview]).`);
  }
  return value;
}
