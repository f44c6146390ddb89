// Who is asking: an API token (Authorization: Bearer), else the session cookie, else — only in demo mode and only
// when the request carries no credentials at all — the demo operator. Anything presented and invalid is nobody.
import type { Kysely } from 'kysely';
import { getDatabase } from '@/lib/db/database';
import type { Database } from '@/lib/db/schema';
import { resolveToken } from '@/lib/db/tokens';
import { getAuth, type Auth } from './auth';
import { isDemoMode } from './mode';
import { isRole, type Identity } from './roles';

export const demoIdentity: Identity = Object.freeze({
  userId: 'demo',
  name: 'Demo operator',
  role: 'operator',
  via: 'demo',
});

/** better-auth's session cookie (with or without the __Secure- prefix used over https). */
export function hasSessionCookie(headers: Headers): boolean {
  return /(^|;\s*)(__Secure-)?eni-console\.session_token=/.test(headers.get('cookie') ?? '');
}

export type IdentifyDeps = { db: Kysely<Database>; auth: Auth; env?: NodeJS.ProcessEnv };

export async function identifyWith(deps: IdentifyDeps, headers: Headers): Promise<Identity | null> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!bearer) return null;
    const token = await resolveToken(deps.db, bearer[1]!);
    if (!token || !isRole(token.role)) return null;
    return { userId: token.userId, name: token.name, role: token.role, via: 'token' };
  }
  if (hasSessionCookie(headers)) {
    const found = await deps.auth.api.getSession({ headers }).catch(() => null);
    if (!found) return null;
    const user = found.user as typeof found.user & { username?: string | null; role?: string };
    if (!isRole(user.role)) return null;
    // A local account's user name, or a single sign-on user's email: unique, and what the record names them by.
    return { userId: user.id, name: user.username ?? user.email, role: user.role, via: 'session' };
  }
  if (isDemoMode(deps.env)) return { ...demoIdentity };
  return null;
}

export async function identify(headers: Headers): Promise<Identity | null> {
  // Demo mode without credentials needs no database.
  if (headers.get('authorization') === null && !hasSessionCookie(headers) && isDemoMode()) return { ...demoIdentity };
  const [{ db }, auth] = await Promise.all([getDatabase(), getAuth()]);
  return identifyWith({ db, auth }, headers);
}
