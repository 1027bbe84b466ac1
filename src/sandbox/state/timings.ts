/** Simulated durations (milliseconds of simulated time) of the sandbox's long-running work. */
export const TIMINGS = {
  enableOperation: 3_000,
  configureJob: 15_000,
  backupOperation: 2_000,
  backupJob: 40_000,
  /** Share of a backup job spent in "Take Snapshot"; the rest is "Transfer data to vault". */
  snapshotShare: 0.25,
  stopOperation: 2_000,
  disableJob: 10_000,
  deleteOperation: 3_000,
  deleteJob: 10_000,
  undeleteOperation: 2_000,
  undeleteJob: 10_000,
  restoreOperation: 2_000,
  restoreJob: 60_000,
  /** File recovery: preparing the recovery point's disks for mounting, and unmounting them. */
  ilrOperation: 5_000,
  refreshOperation: 5_000,
  cancelOperation: 3_000,
  vaultOperation: 1_000,
  defaultBackupRetentionDays: 30,
};

export const DAY_MS = 24 * 3600e3;
