import { z } from 'zod';
import { roleSchema } from './role-schema';

export const sessionOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  role: roleSchema,
});
export type SessionOrganization = z.infer<typeof sessionOrganizationSchema>;

/** Who is signed in and for which organization; carried in the JWT, so it holds no secrets. */
export const sessionUserSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  organizationTimezone: z.string(),
  role: roleSchema,
  /** Every organization the user belongs to, for an organization switcher. */
  organizations: z.array(sessionOrganizationSchema).min(1),
  /** The signed-in session this token belongs to (lib/db/sessions), so it can be listed and ended. */
  sessionId: z.string().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The same user acting for another of their organizations; null when they are not a member of it. */
export function switchOrganization(user: SessionUser, organizationId: string): SessionUser | null {
  const target = user.organizations.find((org) => org.id === organizationId);
  if (!target) return null;
  return {
    ...user,
    organizationId: target.id,
    organizationName: target.name,
    organizationTimezone: target.timezone,
    role: target.role,
  };
}
