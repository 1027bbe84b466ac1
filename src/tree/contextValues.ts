// Every contextValue of the tree, in one place. package.json menus match them with `viewItem == <token>`
// or anchored regexes such as /^(virtualMachine|backupItem)$/, never with substrings.
export const ContextValue = {
  action: 'action',
  message: 'message',
  error: 'error',
  cancelled: 'cancelled',
  loadMore: 'loadMore',
  tenantNeedsSignIn: 'tenantNeedsSignIn',
  subscription: 'subscription',
  vaults: 'vaults',
  vault: 'vault',
  backupItems: 'backupItems',
  backupItem: 'backupItem',
  backupJobs: 'backupJobs',
  job: 'backupJob',
  jobCancellable: 'backupJobCancellable',
  policies: 'backupPolicies',
  policy: 'backupPolicy',
  policyReadOnly: 'backupPolicyReadOnly',
  virtualMachines: 'virtualMachines',
  vmUnprotected: 'virtualMachine',
  vmProtected: 'virtualMachineProtected',
} as const;

export type ContextValueToken = (typeof ContextValue)[keyof typeof ContextValue];
