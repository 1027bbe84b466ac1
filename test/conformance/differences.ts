/**
 * The only waivers of the conformance test: where live Azure is known to differ from its swagger (or a newer
 * api-version than the swagger in ../shared/azure-specs declares more), each with its evidence. Nothing else is
 * waived; an entry no answer needs any more fails the test, so the table cannot go stale.
 */
import type { ExchangeProblemKind } from './checkExchange';

export interface KnownDifference {
  id: string;
  /** The operations (operationId) it applies to, or the swagger files (`bms.json`) whose operations it applies to. */
  operations?: string[];
  files?: string[];
  /** The problems it covers (an undeclared path is both handed out in a header and served). */
  kinds: ExchangeProblemKind[];
  /** Where in the body (array elements written `[]`). */
  at?: RegExp;
  /** The path concerned: the request's, or the one a Location / Azure-AsyncOperation header points at. */
  path?: RegExp;
  /** Only when the request's api-version is newer than the swagger's (a property the older swagger lacks). */
  newerApiVersionOnly?: boolean;
  what: string;
  evidence: string;
}

const RSV = String.raw`/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.RecoveryServices/vaults/[^/]+`;

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'actionsInfo-numbers',
    operations: ['JobDetails_Get', 'BackupJobs_List'],
    kinds: ['type'],
    at: /^(value\[\]\.)?properties\.actionsInfo\[\]$/,
    what: "A job's `actionsInfo` holds numbers (`[1]` = Cancellable), not the strings of the swagger's JobSupportedAction enum.",
    evidence:
      'AZURE-BACKUP-API.md section 8 (Backup now, job body): "`actionsInfo` arrives as numbers from the live service ([1] = Cancellable) ... [probed]".',
  },
  {
    id: 'nextLink-absent-on-last-page',
    operations: ['Subscriptions_List', 'Tenants_List'],
    kinds: ['required'],
    at: /^nextLink$/,
    what: 'The last page of a list has no `nextLink`, though SubscriptionListResult and TenantListResult mark it required.',
    evidence:
      'AZURE-BACKUP-API.md section 15 (Paging): "the last page omits `nextLink` (or sends `null`)"; section 2 shows the subscription list as `{ "value": [...], "nextLink"? }`.',
  },
  {
    id: 'backup-rp-error-nulls',
    files: ['bms.json'],
    kinds: ['null'],
    at: /^error\.(target|details)$/,
    what: 'Errors of the backup RP carry `"target": null, "details": null`, which CloudErrorBody does not mark x-nullable.',
    evidence:
      'AZURE-BACKUP-API.md section 14.1 (Envelope): "The live backup RP sends `"target": null, "details": null` explicitly".',
  },
  {
    id: 'vault-enhancedSecurityState-2026-07-01',
    operations: [
      'Vaults_Get',
      'Vaults_ListBySubscriptionId',
      'Vaults_ListByResourceGroup',
      'Vaults_CreateOrUpdate',
      'Vaults_Update',
      'GetOperationResult',
    ],
    kinds: ['undeclared'],
    at: /^(value\[\]\.)?properties\.securitySettings\.softDeleteSettings\.enhancedSecurityState$/,
    newerApiVersionOnly: true,
    what: 'A vault asked for in an api-version after 2023-06-01 (the vault SDK speaks 2026-07-01) has `softDeleteSettings.enhancedSecurityState`, which vaults.json 2023-06-01 lacks.',
    evidence:
      '@azure/arm-recoveryservices 7.2.0 (generated from 2026-07-01) declares `SoftDeleteSettings.enhancedSecurityState` (dist/commonjs/models/models.d.ts); AZURE-BACKUP-API.md section 3 lists it in the vault body, and `az backup vault create` sends `enhancedSecurityState: "AlwaysOn"`.',
  },
  {
    id: 'fabric-operationsStatus',
    kinds: ['lro', 'operation'],
    path: new RegExp(`^${RSV}/backupFabrics/[^/]+/operationsStatus/[^/]+$`, 'i'),
    what: 'Refresh answers `Azure-AsyncOperation: .../backupFabrics/Azure/operationsStatus/{op}`, a path bms.json does not declare; the sandbox serves an OperationStatus there.',
    evidence:
      'AZURE-BACKUP-API.md section 6.1: "the live service additionally sent `Azure-AsyncOperation: .../backupFabrics/Azure/operationsStatus/{op}`" (real CLI recordings).',
  },
  {
    id: 'job-operationsStatus',
    kinds: ['lro', 'operation'],
    path: new RegExp(`^${RSV}/backupJobs/[^/]+/operationsStatus/[^/]+$`, 'i'),
    what: 'Cancel answers `Azure-AsyncOperation: .../backupJobs/{job}/operationsStatus/{op}`, a path bms.json does not declare; the sandbox serves an OperationStatus there.',
    evidence:
      'AZURE-BACKUP-API.md section 9 (Jobs): "the live service also sends `Azure-AsyncOperation: .../backupJobs/{job}/operationsStatus/{op}`".',
  },
];

/** Routes the sandbox serves whose swagger is not in ../shared/azure-specs: skipped, by name. */
export const NO_SWAGGER_HERE: readonly { name: string; method: string; path: RegExp }[] = [
  {
    name: 'Resource Graph query (Microsoft.ResourceGraph, no swagger in the folder)',
    method: 'POST',
    path: /^\/providers\/Microsoft\.ResourceGraph\/resources$/i,
  },
  {
    name: 'virtual networks and subnets (Microsoft.Network, no swagger in the folder)',
    method: 'GET',
    path: /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/providers\/Microsoft\.Network\/virtualNetworks(\/[^/]+(\/subnets(\/[^/]+)?)?)?$/i,
  },
  {
    name: 'storage accounts (Microsoft.Storage, no swagger in the folder)',
    method: 'GET',
    path: /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/providers\/Microsoft\.Storage\/storageAccounts(\/[^/]+)?$/i,
  },
  {
    name: 'managed disks (Microsoft.Compute disks: only virtualMachine.json is in the folder)',
    method: 'GET',
    path: /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/providers\/Microsoft\.Compute\/disks(\/[^/]+)?$/i,
  },
];
