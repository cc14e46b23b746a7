import { redirect } from 'next/navigation';
import { requirePageSession } from '@/lib/auth/session';

export default async function SettingsIndex() {
  const user = await requirePageSession();
  redirect(user.role === 'admin' ? '/settings/connections' : '/settings/account');
}
