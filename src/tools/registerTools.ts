// The language model tools (package.json contributes.languageModelTools), registered once at activation.
import * as vscode from 'vscode';
import { backupNowTool } from './backupNowTool';
import { coverageTool } from './coverageTool';
import { enableBackupTool } from './enableBackupTool';
import { jobsTool } from './jobsTool';
import type { ToolDeps } from './resolve';
import { vmStatusTool } from './vmStatusTool';

/** Tool name (as in the manifest) → implementation. */
export type BackupTools = ReadonlyMap<string, vscode.LanguageModelTool<never>>;

function createTools(deps: ToolDeps): BackupTools {
  return new Map<string, vscode.LanguageModelTool<never>>([
    ['azureBackup_getCoverage', coverageTool(deps)],
    ['azureBackup_getVmBackupStatus', vmStatusTool(deps)],
    ['azureBackup_listJobs', jobsTool(deps)],
    ['azureBackup_enableBackup', enableBackupTool(deps)],
    ['azureBackup_backupNow', backupNowTool(deps)],
  ]);
}

/** Registers every tool; the tools stay reachable (tests call prepareInvocation, which invokeTool does not show). */
export function registerTools(deps: ToolDeps): vscode.Disposable & { tools: BackupTools } {
  const tools = createTools(deps);
  const registrations = [...tools].map(([name, tool]) => vscode.lm.registerTool(name, tool));
  return {
    tools,
    dispose: () => {
      for (const r of registrations) r.dispose();
    },
  };
}
