// The Azure layer's public surface: the service, its domain types, errors and validation.
export { createBackupService, DEFAULT_CONCURRENCY } from './service';
export type { AzureSession, AzureCallLogger, AzureCallLogEntry, BackupServiceOptions, RetrySettings } from './session';
export { AzureError } from './errors';
export { allowHttp2 } from './transport/sessionTransport';
export { azurePublicEnvironment, sandboxEnvironment, environmentFor } from './environments';
export * from './model';
export * from './backupService';
export * from './validation';
