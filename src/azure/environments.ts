// The clouds the extension knows. Sovereign clouds come from the VS Code account library's settings
// (see src/auth/vscodeAccount.ts); these helpers cover the public cloud and the sandbox.
import type { AzureEnvironment } from './model';

export function azurePublicEnvironment(): AzureEnvironment {
  return environmentFor('AzureCloud', 'https://management.azure.com', 'https://portal.azure.com');
}

export function sandboxEnvironment(endpoint: string, ca: string): AzureEnvironment {
  return { ...environmentFor('Sandbox', endpoint, ''), caCertificate: ca, isSandbox: true };
}

/** An environment for any Resource Manager endpoint; the token scope is the endpoint's `/.default`. */
export function environmentFor(name: string, resourceManagerEndpoint: string, portalUrl: string): AzureEnvironment {
  const endpoint = resourceManagerEndpoint.replace(/\/+$/, '');
  return {
    name,
    resourceManagerEndpoint: endpoint,
    tokenScope: `${endpoint}/.default`,
    portalUrl: portalUrl.replace(/\/+$/, ''),
    isSandbox: false,
  };
}
