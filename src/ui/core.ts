import * as vscode from 'vscode';
import { loadCore } from '../lazy/core';
import type { CoreApi } from './coreTypes';

/** The lazily loaded core, seen through the contract the UI needs (a type error here means the contract drifted). */
export async function getCore(): Promise<CoreApi> {
  const core: CoreApi = await loadCore();
  core.allowHttp2(http2Wanted());
  return core;
}

/**
 * HTTP/2 unless the user turned it off or set a proxy in VS Code: VS Code's proxy (like the pipeline's proxy policy)
 * is honoured on HTTP/1.1 only. Read each time the core is asked for, so a changed setting applies to the next call.
 */
function http2Wanted(): boolean {
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '');
  return vscode.workspace.getConfiguration('azureBackup').get<boolean>('http2', true) && !proxy;
}
