import { describe, expect, it } from 'vitest';
import { keepsAnAdmin } from '@/lib/admin/members';

const team = [
  { userId: 'ada', role: 'admin' as const },
  { userId: 'bo', role: 'finance' as const },
];

describe('last-admin protection', () => {
  it('refuses to downgrade or remove the only admin', () => {
    expect(keepsAnAdmin(team, 'ada', 'finance')).toBe(false);
    expect(keepsAnAdmin(team, 'ada', 'viewer')).toBe(false);
    expect(keepsAnAdmin(team, 'ada', null)).toBe(false);
  });

  it('allows it once another admin exists', () => {
    const two = [...team, { userId: 'cy', role: 'admin' as const }];
    expect(keepsAnAdmin(two, 'ada', 'viewer')).toBe(true);
    expect(keepsAnAdmin(two, 'ada', null)).toBe(true);
  });

  it('allows changing and removing non-admins, and promoting someone', () => {
    expect(keepsAnAdmin(team, 'bo', 'viewer')).toBe(true);
    expect(keepsAnAdmin(team, 'bo', null)).toBe(true);
    expect(keepsAnAdmin(team, 'bo', 'admin')).toBe(true);
  });
});
