import * as assert from 'node:assert/strict';
import type { Policy } from '../../../src/azure/model';
import { policyKindLabel, policySummary } from '../../../src/presentation/policyText';
import { noVmToProtectMessage } from '../../../src/ui/emptyPicks';

const t = {
  t: (message: string, ...args: (string | number)[]): string =>
    message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
};
const base: Policy = {
  id: 'p',
  name: 'p',
  vaultId: 'v',
  backupManagementType: 'AzureIaasVM',
  policyType: 'V1',
  protectedItemsCount: 0,
};

describe('policy words', () => {
  it('describes an enhanced hourly policy by its schedule, not by its type', () => {
    const enhanced: Policy = {
      ...base,
      policyType: 'V2',
      hourly: { intervalHours: 4, windowStart: '08:00', windowHours: 12 },
      retention: { dailyDays: 30 },
    };
    assert.equal(policySummary(enhanced, t), 'Every 4 hours from 08:00 for 12 hours · 30 days');
    assert.equal(policyKindLabel(enhanced, t), 'Azure virtual machines (enhanced)');
  });

  it('describes a workload policy by what it protects', () => {
    const sql: Policy = {
      ...base,
      backupManagementType: 'AzureWorkload',
      policyType: 'Unknown',
      workloadType: 'SQLDataBase',
    };
    assert.equal(policySummary(sql, t), 'Policy for SQL Server databases in Azure VMs');
    assert.doesNotMatch(policySummary({ ...sql, workloadType: undefined }, t), /Unknown|AzureWorkload/);
  });

  it('names the days of a weekly schedule', () => {
    const weekly: Policy = {
      ...base,
      schedule: { frequency: 'Weekly', time: '22:00', days: ['Sunday', 'Wednesday'] },
      retention: { weeklyWeeks: 12 },
    };
    assert.equal(policySummary(weekly, t), 'Weekly on Sunday, Wednesday at 22:00 · 12 weeks');
  });
});

describe('an empty VM picker says why', () => {
  it('tells every VM is protected, and where to see them, apart from having no VMs', () => {
    assert.match(
      noVmToProtectMessage(3, 'Contoso', t),
      /^Every virtual machine in the subscription Contoso is already protected\. Expand Virtual machines/,
    );
    assert.equal(noVmToProtectMessage(0, 'Contoso', t), 'The subscription Contoso has no virtual machines.');
  });
});
