import * as vscode from 'vscode';
import { loadSdkBundle } from '../bundles/loadSdkBundle';
import type { SdkBundleApi } from './sdkBundleApi';

/** The lazily loaded SDK bundle, seen through the contract the UI needs (a type error here means the contract drifted). */
export async function getSdkBundle(): Promise<SdkBundleApi> {
  const bundle: SdkBundleApi = await loadSdkBundle();
  bundle.allowHttp2(http2Wanted());
  return bundle;
}

/**
 * HTTP/2 only when the user turned it on and set no proxy in VS Code. Off by default: VS Code's network support
 * (its proxies, including those it resolves from the system, and the certificates it trusts from the system store)
 * reaches HTTP/1.1 requests only; see README, "Proxies and certificates". Read each time the bundle is asked for, so a
 * changed setting applies to the next call.
 */
function http2Wanted(): boolean {
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '');
  return vscode.workspace.getConfiguration('azureBackup').get<boolean>('http2', false) && !proxy;
}
