import type { Metadata } from 'next';
import { ConnectionsManager } from '@/components/settings/connections-manager';
import { listConnectionViews } from '@/lib/admin/connections';
import { providerFormSpecs } from '@/lib/admin/provider-specs';
import { requirePageSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage() {
  const user = await requirePageSession('admin');
  const connections = await listConnectionViews(await getDb(), user.organizationId);
  return (
    <section aria-labelledby="connections-title" className="stack">
      <h2 id="connections-title" className="visually-hidden">Connections</h2>
      <ConnectionsManager connections={connections} specs={providerFormSpecs()} />
    </section>
  );
}
