import * as os from 'os';
import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { FileRecoveryScript } from '../azure/model';
import { isArchived } from '../presentation/recoveryPointText';
import { itemRef } from '../tree/refs';
import { UserCancelled } from '../ui/errorInfo';
import { withProgress } from '../ui/progress';
import type { CommandDefinition } from './commandDeps';
import { fileRecoveryPage, type SavedScript } from './shared/fileRecoveryPage';
import { resolvePointFromInput } from './shared/targets';

export interface RecoverFilesResult {
  scripts: SavedScript[];
  page: string;
}

/** Where to save a script: the folder tests give, else a save dialog proposing the service's name and extension. */
async function destination(script: FileRecoveryScript, folder: string | undefined): Promise<vscode.Uri> {
  if (folder) return vscode.Uri.joinPath(vscode.Uri.file(folder), script.fileName);
  const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const ext = script.extension.replace(/^\./, '');
  const uri = await notify.saveDialog({
    defaultUri: vscode.Uri.joinPath(base, script.fileName),
    title: vscode.l10n.t('Save the file recovery script'),
    ...(ext ? { filters: { [vscode.l10n.t('File recovery script')]: [ext] } } : {}),
  });
  if (!uri) throw new UserCancelled();
  return uri;
}

/**
 * `azureBackup.recoverFiles(pointNode?, {saveTo?})`: opens a file-recovery session on the point (its disks can then
 * be mounted), saves the service's script where the user chooses and shows how to run it.
 */
export const recoverFiles: CommandDefinition = {
  id: 'azureBackup.recoverFiles',
  title: () => vscode.l10n.t('Recover files'),
  async run(deps, node, input) {
    const target = await resolvePointFromInput(deps, node, input, (p) => !isArchived(p));
    if (!target) return undefined;
    const { service, item, point } = target;
    if (isArchived(point)) {
      void notify.info(
        vscode.l10n.t(
          'This recovery point is in the archive tier: files cannot be recovered from it until it is rehydrated in the Azure portal.',
        ),
      );
      return undefined;
    }
    const folder = typeof input === 'object' && input !== null ? (input as { saveTo?: unknown }).saveTo : undefined;
    const scripts = await withProgress(
      vscode.l10n.t('Preparing file recovery for {0}', item.friendlyName),
      true,
      (signal) => service.provisionFileRecovery(itemRef(item), point.name, signal),
    ).finally(() => deps.tree.refreshResource(item.id, ['recoveryPoints']));
    const saved: SavedScript[] = [];
    for (const script of scripts) {
      const uri = await destination(script, typeof folder === 'string' ? folder : undefined);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(script.content, 'utf8'));
      saved.push({ script, path: uri.fsPath });
    }
    deps.log.info(`File recovery for ${item.friendlyName}: ${saved.length} script(s) saved`);
    const page = fileRecoveryPage(item.friendlyName, point, saved);
    return { scripts: saved, page: deps.details.show('fileRecovery', point.id, page) } satisfies RecoverFilesResult;
  },
};
