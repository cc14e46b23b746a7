import type { NewConnection } from '@/lib/db/connections';
import { addMembership } from '@/lib/db/memberships';
import { createOrganization, type Organization } from '@/lib/db/organizations';
import type { Queryable } from '@/lib/db/types';
import { createUser, type User } from '@/lib/db/users';

export const TEST_KEY = Buffer.alloc(32, 1);
export const OTHER_KEY = Buffer.alloc(32, 2);
export const PASSWORD = 'correct horse battery';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${(counter += 1)}`;

export function newOrganization(db: Queryable, name = 'Org'): Promise<Organization> {
  return createOrganization(db, { name, slug: unique(name.toLowerCase().replace(/\W+/g, '-')) });
}

export async function newMember(db: Queryable, organizationId: string, role: 'viewer' | 'finance' | 'admin'): Promise<User> {
  const user = await createUser(db, { email: `${unique(role)}@example.test`, name: `A ${role}`, password: PASSWORD });
  await addMembership(db, { userId: user.id, organizationId, role });
  return user;
}

export function genpaymentConnection(
  organizationId: string,
  accessToken = 'gpat_super_secret_token_1234',
): NewConnection & { settings: { shop: string }; credentials: { accessToken: string } } {
  return {
    organizationId,
    provider: 'genpayment',
    label: unique('GenPayment'),
    baseUrl: 'http://127.0.0.1:4010/genpayment/acme-us',
    settings: { shop: 'acme-us' },
    credentials: { accessToken },
  };
}
