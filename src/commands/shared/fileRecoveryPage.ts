// What a user does with a file-recovery script, as a read-only page: where it was saved, the steps for its kind
// (PowerShell, an executable, Python), what the service said about a password, and how the session ends.
import * as vscode from 'vscode';
import type { FileRecoveryScript, RecoveryPoint } from '../../azure/model';
import type { DetailsPage, DetailsSection } from '../../presentation/detailsPage';
import { formatDateTime } from '../../presentation/time';

export interface SavedScript {
  script: FileRecoveryScript;
  path: string;
}

function runStep(saved: SavedScript): string {
  const file = saved.path;
  switch (saved.script.extension.toLowerCase()) {
    case '.ps1':
      return vscode.l10n.t(
        'On a Windows computer that can reach Azure, open PowerShell as an administrator and run: & "{0}"',
        file,
      );
    case '.exe':
      return vscode.l10n.t('On a Windows computer that can reach Azure, run "{0}" as an administrator.', file);
    case '.py':
      return vscode.l10n.t('On a Linux computer with Python 3 that can reach Azure, run: sudo python3 "{0}"', file);
    case '.sh':
      return vscode.l10n.t('On a Linux computer that can reach Azure, run: sudo bash "{0}"', file);
    default:
      return vscode.l10n.t('Run "{0}" on a computer with the same operating system as the virtual machine.', file);
  }
}

function scriptSection(saved: SavedScript, many: boolean): DetailsSection {
  const { script } = saved;
  const steps = [
    runStep(saved),
    script.osType === 'Linux'
      ? vscode.l10n.t(
          "The script mounts the recovery point's disks under a folder it names; copy the files you need from there.",
        )
      : vscode.l10n.t(
          "The script mounts the recovery point's disks as local drives and names them; copy the files you need from there.",
        ),
    vscode.l10n.t('The service sent no password with this script, so there is none to enter here.'),
    vscode.l10n.t(
      'When you are done, choose Unmount Disks on the recovery point: it closes the session and the disks go away.',
    ),
  ];
  const facts: [string, string][] = [
    [vscode.l10n.t('Saved to'), saved.path],
    [vscode.l10n.t('File name'), script.fileName],
  ];
  if (script.url) facts.push([vscode.l10n.t('Download address given by the service'), script.url]);
  return {
    heading: many ? script.fileName : undefined,
    facts,
    table: {
      columns: [vscode.l10n.t('Step'), vscode.l10n.t('What to do')],
      rows: steps.map((s, i) => [String(i + 1), s]),
    },
  };
}

export function fileRecoveryPage(
  itemName: string,
  point: RecoveryPoint,
  saved: SavedScript[],
  locale = vscode.env.language,
): DetailsPage {
  return {
    title: vscode.l10n.t('Recover files of {0} from {1}', itemName, formatDateTime(point.time, locale)),
    sections: saved.map((s) => scriptSection(s, saved.length > 1)),
  };
}
