/** Least to most privileged: viewer reads, finance also exports, admin also manages connections. */
export const ROLES = ['viewer', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` is at least `min` in the viewer < finance < admin order. */
export function hasRole(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}
