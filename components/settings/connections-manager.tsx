'use client';

import { useState } from 'react';
import type { ConnectionView } from '@/lib/admin/connections';
import { ConnectionCard } from './connection-card';
import { ConnectionForm } from './connection-form';
import type { ProviderFormSpec } from './provider-spec';

export function ConnectionsManager({ connections, specs }: { connections: readonly ConnectionView[]; specs: readonly ProviderFormSpec[] }) {
  const [adding, setAdding] = useState(connections.length === 0);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="add-connection">
        <div className="card-head">
          <h2 id="add-connection" style={{ margin: 0 }}>Add a connection</h2>
          {!adding ? <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>Add connection</button> : null}
        </div>
        <div className="card-body">
          {adding ? <ConnectionForm specs={specs} onDone={() => setAdding(false)} /> : <p className="muted" style={{ margin: 0 }}>Connect a provider account with its credentials; Fundsight tests them before saving.</p>}
        </div>
      </section>
      {connections.length === 0 ? (
        <p className="empty">No connections yet: add your first provider account above.</p>
      ) : (
        connections.map((connection) => <ConnectionCard key={connection.id} connection={connection} spec={specs.find((s) => s.id === connection.provider)} />)
      )}
    </div>
  );
}
