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
    if (BACKUP_RP_PATH.test(path))
      return { error: { code: this.code, message: this.message, target: this.target ?? null, details: null } };
    return {
      error: { code: this.code, message: this.message, ...(this.target !== undefined ? { target: this.target } : {}) },
    };
  }
}

/** Paths the backup RP answers: the vault's `backup*` children and the region's `backupStatus`. */
const BACKUP_RP_PATH = /\/providers\/Microsoft\.RecoveryServices\/(vaults|locations)\/[^/]+\/backup/i;

/**
 * Every code the sandbox answers with and its HTTP status, once: a builder below names its code, never a status, so
 * one code cannot drift between statuses.
 */
const STATUS = {
  AccountNameInvalid: 400,
  AuthenticationFailed: 401,
  AuthorizationFailed: 403,
  BadRequest: 400,
  BMSUserErrorConflictingProtectionOperation: 409,
  BMSUserErrorDataSourceObjectNotFound: 404,
  BMSUserErrorEnhancedPolicyRequired: 400,
  BMSUserErrorCriticalOperationNotAuthorized: 400,
  BMSUserErrorInvalidInput: 400,
  BMSUserErrorItemAlreadySoftDeleted: 400,
  BMSUserErrorJobNotCancellable: 400,
  BMSUserErrorJobNotFound: 404,
  BMSUserErrorOperationNotFound: 404,
  BMSUserErrorPolicyNotFound: 404,
  BMSUserErrorPolicyObjectInUse: 400,
  BMSUserErrorPolicyRetentionInvalid: 400,
  BMSUserErrorProtectionStopped: 400,
  BMSUserErrorRecoveryPointInArchiveTier: 400,
  BMSUserErrorRecoveryPointNotFound: 404,
  BMSUserErrorRestoreInProgress: 400,
  BMSUserErrorRestoreTargetInOtherRegion: 400,
  BMSUserErrorRestoreTargetNotFound: 400,
  BMSUserErrorSoftDeleteAlwaysOn: 400,
  BMSUserErrorSoftDeletedItem: 400,
  BMSUserErrorVmAlreadyProtected: 400,
  BMSUserErrorVmNameAlreadyExists: 400,
  BMSUserErrorVmNotInVaultRegion: 400,
  ExpiredAuthenticationToken: 401,
  InternalServerError: 500,
  InvalidApiVersionParameter: 400,
  InvalidFilterInQueryString: 400,
  InvalidParameter: 400,
  InvalidRequestContent: 400,
  InvalidRequestFormat: 400,
  InvalidRequestUri: 400,
  InvalidResourceGroup: 400,
  InvalidResourceGroupLocation: 409,
  InvalidResourceLocation: 400,
  InvalidRestApiParameter: 400,
  LocationNotAvailableForResourceGroup: 400,
  LocationNotAvailableForResourceType: 400,
  LocationRequired: 400,
  MethodNotAllowed: 405,
  MissingApiVersionParameter: 400,
  RateLimiting: 429,
  RequestEntityTooLarge: 413,
  ResourceGroupNotFound: 404,
  ResourceNotFound: 404,
  ServiceResourceNotEmpty: 400,
  ServiceUnavailable: 503,
  StorageAccountAlreadyTaken: 409,
  StorageModelModifyError: 400,
  SubscriptionNotFound: 404,
  SubscriptionRequestsThrottled: 429,
  UserErrorDirectPolicySwitchNotSupported: 400,
  UnsupportedMediaType: 415,
} as const satisfies Record<string, number>;

type ErrorCode = keyof typeof STATUS;

function fail(code: ErrorCode, message: string, target?: string, headers?: Record<string, string>): ArmError {
  return new ArmError(STATUS[code], code, message, target, headers);
}

const WWW_AUTHENTICATE = (description: string): Record<string, string> => ({
  'WWW-Authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="${description}"`,
});

export const errors = {
  resourceNotFound: (type: string, name: string, rg: string): ArmError =>
    fail(
      'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      undefined,
      { 'x-ms-failure-cause': 'gateway' },
    ),
  resourceGroupNotFound: (rg: string): ArmError =>
    fail('ResourceGroupNotFound', `Resource group '${rg}' could not be found.`),
  subscriptionNotFound: (sub: string): ArmError =>
    fail('SubscriptionNotFound', `The subscription '${sub}' could not be found.`),
  itemNotFound: (): ArmError =>
    fail(
      'BMSUserErrorDataSourceObjectNotFound',
      'Item not found.\r\nSelected item might have been deleted. Please check if item is registered to the vault.',
    ),
  invalidInput: (detail?: string): ArmError =>
    fail(
      'BMSUserErrorInvalidInput',
      `Input provided for the call is invalid\r\nPlease check the required inputs${detail ? `: ${detail}` : ''}`,
    ),
  /** The backup RP's invalid-input code with a message of its own (and the field, when one is at fault). */
  invalidInputSaying: (message: string, target?: string): ArmError => fail('BMSUserErrorInvalidInput', message, target),
  invalidParameter: (message: string, target?: string): ArmError => fail('InvalidParameter', message, target),
  invalidRequestFormat: (message: string): ArmError => fail('InvalidRequestFormat', message),
  storageLocked: (): ArmError =>
    fail(
      'StorageModelModifyError',
      'Storage Redundancy option is locked when the first machine is registered with the vault, and cannot be modified thereafter.',
    ),
  retentionInvalid: (detail: string): ArmError =>
    fail('BMSUserErrorPolicyRetentionInvalid', `Retention policy is invalid: ${detail}`),
  softDeleteAlwaysOn: (): ArmError =>
    fail(
      'BMSUserErrorSoftDeleteAlwaysOn',
      'Soft delete is always on for this vault and cannot be turned off or weakened. This setting is irreversible.',
    ),
  alreadySoftDeleted: (): ArmError =>
    fail(
      'BMSUserErrorItemAlreadySoftDeleted',
      'The backup data of this item is already deleted and kept in soft delete. Undelete it to act on it.',
    ),
  softDeletedItem: (): ArmError =>
    fail(
      'BMSUserErrorSoftDeletedItem',
      'This item is in soft-deleted state. Undelete it before resuming or changing its protection.',
    ),
  /** `orExpired`: the point may also have been there and expired (a restore asks for one it was shown earlier). */
  recoveryPointNotFound: (name: string, orExpired = true): ArmError =>
    fail(
      'BMSUserErrorRecoveryPointNotFound',
      `Recovery point '${name}' was not found for this item${orExpired ? ', or it has expired' : ''}.`,
    ),
  recoveryPointInArchive: (name: string): ArmError =>
    fail(
      'BMSUserErrorRecoveryPointInArchiveTier',
      `Recovery point '${name}' is in the archive tier. Rehydrate it (a restore with rehydration) before restoring or recovering files from it.`,
    ),
  restoreInProgress: (vm: string): ArmError =>
    fail(
      'BMSUserErrorRestoreInProgress',
      `A restore of '${vm}' is already running. Wait for its job to finish, then restore again.`,
    ),
  restoreTargetNotFound: (what: string, name: string): ArmError =>
    fail('BMSUserErrorRestoreTargetNotFound', `The ${what} '${name}' given for the restore was not found.`),
  restoreTargetInOtherRegion: (what: string, name: string, region: string, vmRegion: string): ArmError =>
    fail(
      'BMSUserErrorRestoreTargetInOtherRegion',
      `The ${what} '${name}' is in '${region}'; a restore needs one in the virtual machine's region, '${vmRegion}'.`,
    ),
  vmNameTaken: (name: string, rg: string): ArmError =>
    fail(
      'BMSUserErrorVmNameAlreadyExists',
      `A virtual machine named '${name}' already exists in resource group '${rg}'. Choose another name.`,
    ),
  policyInUse: (name: string, count: number): ArmError =>
    fail(
      'BMSUserErrorPolicyObjectInUse',
      `Policy '${name}' is associated with ${count} backup item(s). Remove the association before deleting the policy.`,
    ),
  /** Without `vault`, the policy route's own wording (GET/DELETE of a policy); with it, enable's. */
  policyNotFound: (name: string, vault?: string): ArmError =>
    fail(
      'BMSUserErrorPolicyNotFound',
      vault !== undefined
        ? `Policy '${name}' not found in vault '${vault}'.`
        : `Policy '${name}' not found.\r\nPlease provide a valid policy name.`,
    ),
  protectionStopped: (): ArmError =>
    fail(
      'BMSUserErrorProtectionStopped',
      'Backup cannot be triggered because protection of this item is stopped. Resume protection and try again.',
    ),
  conflictingProtectionOperation: (): ArmError =>
    fail(
      'BMSUserErrorConflictingProtectionOperation',
      'Another configure protection operation is in progress for this item. Please wait until it completes and retry.',
    ),
  vmAlreadyProtected: (vm: string, otherVault: string): ArmError =>
    fail(
      'BMSUserErrorVmAlreadyProtected',
      `VM '${vm}' is already protected by vault '${otherVault}'. A VM can be protected by only one vault.`,
    ),
  vmNotInVaultRegion: (vm: string, vmRegion: string, vault: string, vaultRegion: string): ArmError =>
    fail(
      'BMSUserErrorVmNotInVaultRegion',
      `VM '${vm}' is in region '${vmRegion}' but vault '${vault}' is in '${vaultRegion}'. A VM can only be protected by a vault in the same region.`,
    ),
  directPolicySwitchNotSupported: (vm: string, from: string, to: string): ArmError =>
    fail(
      'UserErrorDirectPolicySwitchNotSupported',
      `VM '${vm}' is protected with the Enhanced policy '${from}' and cannot be moved to the Standard policy '${to}'. Choose another Enhanced policy.`,
    ),
  enhancedPolicyRequired: (vm: string, policy: string, reason: string): ArmError =>
    fail(
      'BMSUserErrorEnhancedPolicyRequired',
      `VM '${vm}' can be protected only with an Enhanced policy: ${reason}. '${policy}' is a Standard policy.`,
    ),
  /** An operation the vault's Resource Guard protects, sent without an approved request for it (multi-user authorization). */
  criticalOperationNotAuthorized: (operation: string, resourceGuardId: string): ArmError =>
    fail(
      'BMSUserErrorCriticalOperationNotAuthorized',
      `The operation '${operation}' is protected by the Resource Guard '${resourceGuardId}' (multi-user authorization). Get it approved on the Resource Guard and send the request in resourceGuardOperationRequests.`,
    ),
  jobNotFound: (id: string): ArmError =>
    fail('BMSUserErrorJobNotFound', `Job '${id}' was not found.\r\nPlease check the job id.`),
  jobNotCancellable: (id: string, operation: string, status: string): ArmError =>
    fail(
      'BMSUserErrorJobNotCancellable',
      `Job '${id}' (${operation}, ${status}) cannot be cancelled. Only backup jobs in progress can be cancelled.`,
    ),
  /** A backup operation id unknown where it was asked for (`where`: " in this vault", " for job 'x'", or nothing). */
  backupOperationNotFound: (id: string, where = ''): ArmError =>
    fail('BMSUserErrorOperationNotFound', `Operation '${id}' was not found${where}.`),
  /** An operation id unknown to a vault-, policy- or refresh-level route (ARM's generic not-found). */
  operationNotFound: (id: string): ArmError => fail('ResourceNotFound', `Operation '${id}' was not found.`),
  /**
   * A finished operation's recorded failure, answered again by its result route. Its code was chosen by the
   * transition that failed it (a catalog code, or a job error code), so it is passed through as stored.
   */
  operationFailed: (code: string, message: string): ArmError => new ArmError(400, code, message),
  vaultNotEmpty: (): ArmError =>
    fail(
      'ServiceResourceNotEmpty',
      'Vault cannot be deleted as there are existing resources within the vault. Please delete any replicated items, registered servers, Hyper-V sites (used for Site Recovery), policy associations for System Center VMM clouds (used for Site Recovery) and then delete the vault.',
    ),
  invalidSku: (): ArmError =>
    fail('InvalidRestApiParameter', 'sku parameter is invalid. Please provide a valid sku (Standard).', 'sku'),
  contentRequired: (): ArmError => fail('InvalidRequestContent', 'The request content is required.'),
  locationRequired: (): ArmError => fail('LocationRequired', 'The location property is required for this definition.'),
  locationNotAvailable: (location: string, resourceType: string): ArmError =>
    fail(
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type '${resourceType}'.`,
    ),
  locationNotAvailableForGroup: (location: string): ArmError =>
    fail(
      'LocationNotAvailableForResourceGroup',
      `The provided location '${location}' is not available for resource group.`,
    ),
  resourceInOtherLocation: (name: string, existingLocation: string, rg: string, location: string): ArmError =>
    fail(
      'InvalidResourceLocation',
      `The resource '${name}' already exists in location '${existingLocation}' in resource group '${rg}'. A resource with the same name cannot be created in location '${location}'.`,
    ),
  /** A `$filter` the sandbox does not apply: refused, never ignored (an ignored filter widens the answer). */
  invalidFilter: (filter: string, accepted: string): ArmError =>
    fail('InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string. ${accepted}`),
  invalidResourceGroupName: (name: string): ArmError =>
    fail('InvalidResourceGroup', `The provided resource group name '${name}' has these invalid characters or length.`),
  resourceGroupInOtherLocation: (location: string, existingLocation: string): ArmError =>
    fail(
      'InvalidResourceGroupLocation',
      `Invalid resource group location '${location}'. The Resource group already exists in location '${existingLocation}'.`,
    ),
  storageAccountNameInvalid: (name: string): ArmError =>
    fail(
      'AccountNameInvalid',
      `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
    ),
  storageAccountTaken: (name: string): ArmError =>
    fail('StorageAccountAlreadyTaken', `The storage account named ${name} is already taken.`),
  /** Resource Graph's refusal of a request it cannot read. */
  badRequest: (message: string): ArmError => fail('BadRequest', message),
  notFound: (what: string, name: string): ArmError => fail('ResourceNotFound', `${what} '${name}' was not found.`),
  notFoundRoute: (method: string, path: string): ArmError =>
    fail('ResourceNotFound', `The sandbox has no route for ${method} ${path}.`),
  methodNotAllowed: (method: string, path: string): ArmError =>
    fail('MethodNotAllowed', `The method '${method}' is not allowed on '${path}'.`),
  invalidRequestUri: (target: string, reason: string): ArmError =>
    fail('InvalidRequestUri', `The request URI '${target}' is not valid: ${reason}.`),
  missingApiVersion: (): ArmError =>
    fail('MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'),
  /** Without `supported` the value is not a date at all; with it, the route's provider does not publish that version. */
  invalidApiVersion: (value: string, supported: readonly string[] | undefined): ArmError =>
    fail(
      'InvalidApiVersionParameter',
      supported
        ? `The api-version '${value}' is invalid. The supported versions are '${[...supported].reverse().join(',')}'.`
        : `The api-version '${value}' is invalid. An api-version is a date, yyyy-mm-dd, optionally followed by '-preview'.`,
    ),
  unsupportedMediaType: (type: string): ArmError =>
    fail(
      'UnsupportedMediaType',
      `The content media type '${type}' is not supported. Only 'application/json' is supported.`,
    ),
  bodyTooLarge: (limitBytes: number): ArmError =>
    fail('RequestEntityTooLarge', `The request body exceeds the limit of ${limitBytes} bytes.`),
  invalidJson: (why: string): ArmError =>
    fail('InvalidRequestContent', `The request content was invalid and could not be deserialized: '${why}'.`),
  jsonTooDeep: (limit: number): ArmError =>
    fail(
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: it nests arrays and objects deeper than ${limit} levels.`,
    ),
  notBearer: (): ArmError =>
    fail(
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing or is not a Bearer token.",
      undefined,
      WWW_AUTHENTICATE("The authentication failed because of missing 'Authorization' header."),
    ),
  /** ARM's wording; `now` stands for both times, as the token itself is never read. */
  tokenExpired: (now: string): ArmError =>
    fail(
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${now}' is earlier than current UTC time '${now}'.`,
      undefined,
      WWW_AUTHENTICATE('The access token has expired.'),
    ),
  injectedThrottle: (retryAfterSeconds: number): ArmError =>
    fail(
      'SubscriptionRequestsThrottled',
      'Number of requests for subscription exceeded the limit (injected fault).',
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  injectedUnavailable: (retryAfterSeconds: number): ArmError =>
    fail('ServiceUnavailable', 'The service is temporarily unavailable (injected fault).', undefined, {
      'Retry-After': String(retryAfterSeconds),
    }),
  injectedForbidden: (method: string, path: string): ArmError =>
    fail(
      'AuthorizationFailed',
      `The client 'sandbox-user' does not have authorization to perform action '${method} ${path}' or the scope is invalid (injected fault). If access was recently granted, please refresh your credentials.`,
    ),
  injectedInternal: (): ArmError =>
    fail('InternalServerError', 'Encountered an internal server error (injected fault).'),
  /** A fault in the sandbox itself; the details go to its standard error output, not to the client. */
  internal: (requestId: string): ArmError =>
    fail(
      'InternalServerError',
      `The sandbox failed while handling request '${requestId}'; the details are on its standard error output.`,
    ),
  sandboxBug: (message: string): ArmError => fail('InternalServerError', `Sandbox bug: ${message}`),
  /** Writes are refused while the data file cannot be saved, so the service never accepts what it cannot keep. */
  dataFileNotSaved: (reason: string, retryAfterSeconds: number): ArmError =>
    fail(
      'ServiceUnavailable',
      `The sandbox cannot save its data file (${reason}); changes are refused until a save succeeds. It retries on its own.`,
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  /** Resource Graph's quota spent: its RateLimiting answer, with the window's remaining time as Retry-After too. */
  graphThrottled: (retryAfterSeconds: number, quotaHeaders: Record<string, string>): ArmError =>
    fail(
      'RateLimiting',
      "Please provide below info when asking for support: the request was throttled because the user's Resource Graph quota for this window is spent. Retry after the quota resets.",
      undefined,
      { ...quotaHeaders, 'Retry-After': String(retryAfterSeconds) },
    ),
};
