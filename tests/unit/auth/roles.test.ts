import { describe, expect, it } from 'vitest';
import { hasRole, type Role } from '@/lib/auth/roles';

describe('hasRole: viewer < finance < admin', () => {
  const cases: [Role, Role, boolean][] = [
    ['viewer', 'viewer', true],
    ['viewer', 'finance', false],
    ['viewer', 'admin', false],
    ['finance', 'viewer', true],
    ['finance', 'finance', true],
    ['finance', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'finance', true],
    ['admin', 'admin', true],
  ];
  it.each(cases)('%s meets minimum %s: %s', (role, min, expected) => {
    expect(hasRole(role, min)).toBe(expected);
  });
});
