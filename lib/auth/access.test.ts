// What the UI may offer, from the identity and the deployment: the mirror of the server's guard.
import { describe, expect, it } from 'vitest';
import { accessView } from './access';
import { can, roles } from './roles';

const env = (over: Record<string, string> = {}) => over as unknown as NodeJS.ProcessEnv;
const who = (role: (typeof roles)[number], via: 'session' | 'token' | 'demo' = 'session') => ({
  userId: 'u',
  name: 'n',
  role,
  via,
});

describe('accessView', () => {
  it('offers changes to operators and admins, never to viewers', () => {
    expect(roles.map((r) => [r, accessView(who(r), env()).canChange])).toEqual([
      ['viewer', false],
      ['operator', true],
      ['admin', true],
    ]);
  });
  it('offers no change to any role in a read-only deployment, and says it is read-only', () => {
    for (const r of roles)
      expect(accessView(who(r), env({ ENI_CONSOLE_READ_ONLY: 'true' }))).toMatchObject({
        canChange: false,
        readOnly: true,
      });
  });
  it('marks the demo operator as demo', () => {
    expect(accessView(who('operator', 'demo'), env())).toMatchObject({ demo: true, canChange: true });
  });
  it('follows the one permission table', () => {
    expect(roles.map((r) => [can(r, 'read'), can(r, 'change'), can(r, 'admin')])).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});
