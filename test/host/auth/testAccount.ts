// Who the test authentication provider signs in, shared by the host suite and the harness that pre-grants it.
export const TEST_ACCOUNT = { id: 'alice-object-id', label: 'alice@contoso.example' };
/** The id the Azure account library uses for any cloud other than Azure public (here: a custom cloud). */
export const SOVEREIGN_PROVIDER_ID = 'microsoft-sovereign-cloud';
export const EXTENSION = { id: 'azbackup.azure-backup', name: 'Azure Backup' };
