/** ARM error envelope `{error:{code,message,target,details}}` and the codes the sandbox answers with. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /**
   * The envelope as the provider at `path` sends it: the backup RP spells out `"target": null, "details": null`
   * (AZURE-BACKUP-API.md 14.1); ARM and the other providers leave out what they do not have, as their swagger says.
   */
  toBody(path: string): { error: { code: string; message: string; target?: string | null; details?: null } } {
    if (BACKUP_RP_PATH.test(path)) return { error: { code: this.code, message: this.message, target: this.target ?? null, details: null } };
    return { error: { code: this.code, message: this.message, ...(this.target !== undefined ? { target: this.target } : {}) } };
  }
}

/** Paths the backup RP answers: the vault's `backup*` children and the region's `backupStatus`. */
const BACKUP_RP_PATH = /\/providers\/Microsoft\.RecoveryServices\/(vaults|locations)\/[^/]+\/backup/i;

export const errors = {
  resourceNotFound: (type: string, name: string, rg: string): ArmError =>
    new ArmError(404, 'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      undefined, { 'x-ms-failure-cause': 'gateway' }),
  resourceGroupNotFound: (rg: string): ArmError =>
    new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`),
  subscriptionNotFound: (sub: string): ArmError =>
    new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`),
  itemNotFound: (): ArmError =>
    new ArmError(404, 'BMSUserErrorDataSourceObjectNotFound',
      'Item not found.\r\nSelected item might have been deleted. Please check if item is registered to the vault.'),
  invalidInput: (detail?: string): ArmError =>
    new ArmError(400, 'BMSUserErrorInvalidInput',
      `Input provided for the call is invalid\r\nPlease check the required inputs${detail ? `: ${detail}` : ''}`),
  invalidParameter: (message: string, target?: string): ArmError => new ArmError(400, 'InvalidParameter', message, target),
  storageLocked: (): ArmError =>
    new ArmError(400, 'StorageModelModifyError',
      'Storage Redundancy option is locked when the first machine is registered with the vault, and cannot be modified thereafter.'),
  retentionInvalid: (detail: string): ArmError =>
    new ArmError(400, 'BMSUserErrorPolicyRetentionInvalid', `Retention policy is invalid: ${detail}`),
  softDeleteAlwaysOn: (): ArmError =>
    new ArmError(400, 'BMSUserErrorSoftDeleteAlwaysOn',
      'Soft delete is always on for this vault and cannot be turned off or weakened. This setting is irreversible.'),
  alreadySoftDeleted: (): ArmError =>
    new ArmError(400, 'BMSUserErrorItemAlreadySoftDeleted', 'The backup data of this item is already deleted and kept in soft delete. Undelete it to act on it.'),
  softDeletedItem: (): ArmError =>
    new ArmError(400, 'BMSUserErrorSoftDeletedItem', 'This item is in soft-deleted state. Undelete it before resuming or changing its protection.'),
  recoveryPointNotFound: (name: string): ArmError =>
    new ArmError(404, 'BMSUserErrorRecoveryPointNotFound', `Recovery point '${name}' was not found for this item, or it has expired.`),
  restoreInProgress: (vm: string): ArmError =>
    new ArmError(400, 'BMSUserErrorRestoreInProgress', `A restore of '${vm}' is already running. Wait for its job to finish, then restore again.`),
  restoreTargetNotFound: (what: string, name: string): ArmError =>
    new ArmError(400, 'BMSUserErrorRestoreTargetNotFound', `The ${what} '${name}' given for the restore was not found.`),
  restoreTargetInOtherRegion: (what: string, name: string, region: string, vmRegion: string): ArmError =>
    new ArmError(400, 'BMSUserErrorRestoreTargetInOtherRegion', `The ${what} '${name}' is in '${region}'; a restore needs one in the virtual machine's region, '${vmRegion}'.`),
  vmNameTaken: (name: string, rg: string): ArmError =>
    new ArmError(400, 'BMSUserErrorVmNameAlreadyExists', `A virtual machine named '${name}' already exists in resource group '${rg}'. Choose another name.`),
  policyInUse: (name: string, count: number): ArmError =>
    new ArmError(400, 'BMSUserErrorPolicyObjectInUse',
      `Policy '${name}' is associated with ${count} backup item(s). Remove the association before deleting the policy.`),
  notFound: (what: string, name: string): ArmError => new ArmError(404, 'ResourceNotFound', `${what} '${name}' was not found.`),
  notFoundRoute: (method: string, path: string): ArmError =>
    new ArmError(404, 'ResourceNotFound', `The sandbox has no route for ${method} ${path}.`),
  invalidRequestUri: (target: string, reason: string): ArmError =>
    new ArmError(400, 'InvalidRequestUri', `The request URI '${target}' is not valid: ${reason}.`),
  missingApiVersion: (): ArmError =>
    new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'),
  /** Without `supported` the value is not a date at all; with it, the route's provider does not publish that version. */
  invalidApiVersion: (value: string, supported: readonly string[] | undefined): ArmError =>
    new ArmError(400, 'InvalidApiVersionParameter', supported
      ? `The api-version '${value}' is invalid. The supported versions are '${[...supported].reverse().join(',')}'.`
      : `The api-version '${value}' is invalid. An api-version is a date, yyyy-mm-dd, optionally followed by '-preview'.`),
  invalidJson: (why: string): ArmError =>
    new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${why}'.`),
  jsonTooDeep: (limit: number): ArmError =>
    new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: it nests arrays and objects deeper than ${limit} levels.`),
  /** A fault in the sandbox itself; the details go to its standard error output, not to the client. */
  internal: (requestId: string): ArmError =>
    new ArmError(500, 'InternalServerError', `The sandbox failed while handling request '${requestId}'; the details are on its standard error output.`),
  sandboxBug: (message: string): ArmError => new ArmError(500, 'InternalServerError', `Sandbox bug: ${message}`),
  /** Writes are refused while the data file cannot be saved, so the service never accepts what it cannot keep. */
  dataFileNotSaved: (reason: string, retryAfterSeconds: number): ArmError =>
    new ArmError(503, 'ServiceUnavailable', `The sandbox cannot save its data file (${reason}); changes are refused until a save succeeds. It retries on its own.`,
      undefined, { 'Retry-After': String(retryAfterSeconds) }),
  /** Resource Graph's quota spent: its RateLimiting answer, with the window's remaining time as Retry-After too. */
  graphThrottled: (retryAfterSeconds: number, quotaHeaders: Record<string, string>): ArmError =>
    new ArmError(429, 'RateLimiting', 'Please provide below info when asking for support: the request was throttled because the user\'s Resource Graph quota for this window is spent. Retry after the quota resets.',
      undefined, { ...quotaHeaders, 'Retry-After': String(retryAfterSeconds) }),
};
