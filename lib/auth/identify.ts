// TEMPORARY stand-in for the real identify (bearer token, then session cookie, then the demo operator), which
// the access-control branch provides; the lead replaces this file at merge. Tokens come from
// ENI_CONSOLE_TEST_TOKENS (JSON map token → {userId, name, role}) so the boundary's tests can exercise roles.
import { type Identity, isRole } from './roles';
import { isDemoMode } from './mode';

export const DEMO_OPERATOR: Identity = { userId: 'demo', name: 'Demo operator', role: 'operator', via: 'demo' };

function testTokens(): Record<string, { userId: string; name: string; role: unknown }> {
  try {
    return JSON.parse(process.env.ENI_CONSOLE_TEST_TOKENS ?? '{}') as Record<string, { userId: string; name: string; role: unknown }>;
  } catch {
    return {};
  }
}

export async function identify(headers: Headers): Promise<Identity | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const entry = match ? testTokens()[match[1] as string] : undefined;
    if (!entry || !isRole(entry.role)) return null;
    return { userId: entry.userId, name: entry.name, role: entry.role, via: 'token' };
  }
  return isDemoMode() ? DEMO_OPERATOR : null;
}
