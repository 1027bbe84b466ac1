// Lists the subscriptions a session can see, through the same SubscriptionClient the Azure layer builds.
import { createClientSet } from '../azure/clients';
import { toSubscription } from '../azure/convert/arm';
import { AzureError } from '../azure/errors';
import type { Subscription, Tenant } from '../azure/model';
import { collectAll, modularToken } from '../azure/paging';
import type { AzureSession } from '../azure/session';

export async function listSessionSubscriptions(session: AzureSession): Promise<Subscription[]> {
  try {
    const client = createClientSet(session).subscriptions();
    return await collectAll(client.subscriptions.list(), modularToken, (s) => toSubscription(s, session.tenantId));
  } catch (e) {
    throw AzureError.from(e);
  }
}

export async function listSessionTenants(session: AzureSession): Promise<Tenant[]> {
  try {
    const client = createClientSet(session).subscriptions();
    return await collectAll(client.tenants.list(), modularToken, (t) =>
      t.tenantId ? { id: t.tenantId, displayName: t.displayName } : undefined,
    );
  } catch (e) {
    throw AzureError.from(e);
  }
}
