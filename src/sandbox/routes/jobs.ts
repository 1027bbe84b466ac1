/** Backup jobs: list ($filter, newest first, $skipToken), get with extendedInfo, cancel (+ its operation results). */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import type { JobRecord } from '../state/model';
import { renderOperationStatus } from '../render/operation';
import { renderJob } from '../render/job';
import { matches, parseFilter, requireVault, VAULT, vaultUrl } from './lookup';
import { dateWindow } from './filterDates';

const JOB = `${VAULT}/backupJobs/{job}`;

export function registerJobRoutes(router: Router, site: Site): void {
  router.add('GET', `${VAULT}/backupJobs`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const filter = parseFilter(queryValue(req.query, '$filter'));
    const { start, end } = dateWindow(filter, 'startTime', 'endTime');
    const now = site.now();
    const list = site.store
      .jobsOf(vaultKey)
      .filter(
        (j: JobRecord) =>
          j.startTime >= start &&
          j.startTime <= end &&
          matches(filter, 'status', j.status) &&
          matches(filter, 'operation', j.operation) &&
          matches(filter, 'backupManagementType', 'AzureIaasVM') &&
          matches(filter, 'jobId', j.id),
      )
      .sort((a, b) => b.startTime - a.startTime);
    return pagedReply(site, 'backupJobs', req, list, (j) => renderJob(vault, j, now, false));
  });

  router.add('GET', JOB, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const job = site.store.job(vaultKey, req.params.job);
    if (!job) throw errors.jobNotFound(req.params.job);
    return { status: 200, body: renderJob(vault, job, site.now(), true) };
  });

  router.add('POST', `${JOB}/cancel`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const job = site.store.job(vaultKey, req.params.job);
    if (!job) throw errors.jobNotFound(req.params.job);
    if (job.operation !== 'Backup' || job.status !== 'InProgress') {
      throw errors.jobNotCancellable(job.id, job.operation, job.status);
    }
    const op = site.engine.cancelJob(vaultKey, job);
    return {
      status: 202,
      headers: {
        Location: vaultUrl(site, vault, `/backupJobs/${job.id}/operationResults/${op.id}`, req.apiVersion),
        'Azure-AsyncOperation': vaultUrl(
          site,
          vault,
          `/backupJobs/${job.id}/operationsStatus/${op.id}`,
          req.apiVersion,
        ),
      },
    };
  });

  router.add('GET', `${JOB}/operationResults/{op}`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op || op.jobId?.toLowerCase() !== req.params.job.toLowerCase())
      throw errors.backupOperationNotFound(req.params.op, ` for job '${req.params.job}'`);
    if (op.doneAt > site.now())
      return {
        status: 202,
        headers: {
          Location: vaultUrl(site, vault, `/backupJobs/${req.params.job}/operationResults/${op.id}`, req.apiVersion),
        },
      };
    return { status: 204 };
  });

  router.add('GET', `${JOB}/operationsStatus/{op}`, (req) => {
    const { vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.backupOperationNotFound(req.params.op);
    return { status: 200, body: renderOperationStatus(op, site.now()) };
  });
}
