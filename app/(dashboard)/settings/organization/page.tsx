import type { Metadata } from 'next';
import { OrganizationForm } from '@/components/settings/organization-form';
import { requirePageSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Organization' };

export default async function OrganizationPage() {
  const user = await requirePageSession('admin');
  return (
    <section className="card" aria-labelledby="org-title">
      <div className="card-head"><h2 id="org-title" style={{ margin: 0 }}>Organization</h2></div>
      <div className="card-body"><OrganizationForm name={user.organizationName} timezone={user.organizationTimezone} /></div>
    </section>
  );
}
