// What a command contributed to Microsoft's Azure Resources view receives: the view's own tree element, a wrapper
// whose unwrap() gives the item of the extension that drew the row. The wrapper's id carries the view's
// account/tenant prefix, so the ARM id is read only from the unwrapped item's resource. Duck-typed: no dependency
// on the Azure Resources API package.

/** The shape Azure Resources gives its elements (`Wrapper` in @microsoft/vscode-azureresources-api). */
export interface HostWrapper {
  unwrap<T>(): T;
}

export function isWrapper(value: unknown): value is HostWrapper {
  return typeof value === 'object' && value !== null && typeof (value as Partial<HostWrapper>).unwrap === 'function';
}

export interface VmIdParts {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export type HostVm = { vm: VmIdParts } | { problem: 'noResource' } | { problem: 'notAVm'; id: string; type?: string };

const ARM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/.+/i;
const VM_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function armIdIn(value: unknown): string | undefined {
  const id = field(value, 'id');
  return typeof id === 'string' && ARM_ID.test(id) ? id : undefined;
}

/**
 * The ARM id of the item behind a row: `resource.id` (Azure Resources' AzureResource, also in its compatibility
 * items), else `data.id` (the resolved item's ARM model), else the unwrapped item's own id when it is an ARM id.
 */
export function armIdOfHostItem(argument: unknown): { id: string; type?: string } | undefined {
  const item = isWrapper(argument) ? argument.unwrap<unknown>() : argument;
  const resource = field(item, 'resource');
  const id = armIdIn(resource) ?? armIdIn(field(item, 'data')) ?? armIdIn(item);
  if (!id) return undefined;
  const type = field(resource, 'resourceType') ?? field(resource, 'type');
  return { id, type: typeof type === 'string' ? type : undefined };
}

export function parseVmId(id: string): VmIdParts | undefined {
  const m = VM_ID.exec(id);
  return m ? { id, subscriptionId: m[1], resourceGroup: m[2], name: m[3] } : undefined;
}

/** The VM a row of the Azure Resources view stands for, or why there is none. */
export function vmOfHostArgument(argument: unknown): HostVm {
  const found = armIdOfHostItem(argument);
  if (!found) return { problem: 'noResource' };
  const vm = parseVmId(found.id);
  return vm ? { vm } : { problem: 'notAVm', id: found.id, type: found.type };
}
