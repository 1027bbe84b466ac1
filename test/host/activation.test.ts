import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'azbackup.azure-backup';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
}

describe('Extension activation', () => {
  it('is installed as a development extension and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const manifest = ext.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });

  it('contributes the Azure Backup tree view, which can be focused', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const views = (ext.packageJSON as Manifest).contributes.views.azureBackup.map((v) => v.id);
    assert.ok(views.includes('azureBackup.tree'));
    // The focus command exists only if the workbench knows the view.
    await vscode.commands.executeCommand('azureBackup.tree.focus');
  });

  it('runs a command of its own (refresh) without error', async () => {
    await vscode.commands.executeCommand('azureBackup.refresh');
  });
});
