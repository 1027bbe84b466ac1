/**
 * The script that file recovery hands out to mount a recovery point's disks: PowerShell for Windows VMs, Python for
 * Linux, base64 in `scriptContent` as the service sends it. The sandbox's script mounts nothing: run, it says so.
 */
import type { ClientScriptRecord, RecoveryPointRecord, VmRecord } from './model';

/** Names come from data files too: only characters that cannot end a comment or start code reach the script. */
function inert(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function fileRecoveryScript(vm: VmRecord, rp: RecoveryPointRecord, sessionId: string): ClientScriptRecord {
  const when = new Date(rp.time).toISOString();
  const name = inert(vm.name);
  const point = inert(rp.name);
  const text =
    vm.osType === 'Windows'
      ? `# Azure Backup sandbox: file recovery for ${name}, recovery point ${point} (${when}).\r\n# In Azure this script mounts the recovery point's disks as local drives. The sandbox has no disks to mount.\r\nWrite-Output "Sandbox session ${sessionId}: nothing to mount."\r\n`
      : `#!/usr/bin/env python3\n# Azure Backup sandbox: file recovery for ${name}, recovery point ${point} (${when}).\n# In Azure this script mounts the recovery point's disks under a local folder. The sandbox has no disks to mount.\nprint("Sandbox session ${sessionId}: nothing to mount.")\n`;
  return {
    scriptContent: Buffer.from(text, 'utf8').toString('base64'),
    scriptExtension: vm.osType === 'Windows' ? '.ps1' : '.py',
    osType: vm.osType,
    scriptNameSuffix: sessionId.slice(0, 8),
  };
}
