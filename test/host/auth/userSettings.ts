// Settings that no installed extension registers (the sovereign-cloud settings of Microsoft's authentication
// extension, the Azure Resources filter) cannot be written through VS Code's configuration API, which refuses
// unregistered keys. These tests write them into the user's settings.json (the file the harness names), as a
// user editing it would. code-server's workbench does not watch that file for outside writes, but re-reads it
// on every write of its own: a registered setting is flipped and restored to make it do so.
import * as fs from 'fs';
import * as vscode from 'vscode';

function settingsFile(): string {
  const file = process.env.AZB_USER_SETTINGS;
  if (!file) throw new Error('AZB_USER_SETTINGS is not set (the host harness sets it)');
  return file;
}

/** Sets top-level keys of the user's settings.json; resolves once VS Code reads them. */
export async function editUserSettings(values: Record<string, unknown>): Promise<void> {
  const file = settingsFile();
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  Object.assign(current, values);
  fs.writeFileSync(file, JSON.stringify(current, null, 2));
  const workbench = vscode.workspace.getConfiguration('workbench');
  const tips = workbench.inspect<boolean>('tips.enabled')?.globalValue;
  await workbench.update('tips.enabled', !tips, vscode.ConfigurationTarget.Global);
  await workbench.update('tips.enabled', tips, vscode.ConfigurationTarget.Global);
  const read = (): boolean =>
    Object.entries(values).every(
      ([k, v]) => JSON.stringify(vscode.workspace.getConfiguration().get(k)) === JSON.stringify(v),
    );
  const deadline = Date.now() + 15_000;
  while (!read()) {
    if (Date.now() > deadline) throw new Error(`VS Code did not read ${Object.keys(values).join(', ')} within 15 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
