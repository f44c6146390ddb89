// What a page needs to know about the person asking: whether the console has any account yet, who they are, and
// what the UI may offer them (it mirrors the server's guard: can() and the read-only deployment).
import { countUsers } from '@/lib/db/users';
import { getDatabase } from '@/lib/db/database';
import { ssoEnabled } from './auth';
import { identify } from './identify';
import { isDemoMode, isReadOnlyDeployment } from './mode';
import { can, type Identity, type Role } from './roles';

/** The access a page hands to the browser: plain data, no secrets. */
export type AccessView = {
  name: string;
  role: Role;
  via: Identity['via'];
  /** Whether the UI offers changes (drag, Confirm, Undo): the role may change and the deployment is not read-only. */
  canChange: boolean;
  readOnly: boolean;
  demo: boolean;
};

export type PageAccess = { kind: 'setup' } | { kind: 'sign-in' } | { kind: 'ok'; access: AccessView };

export function accessView(identity: Identity, env: NodeJS.ProcessEnv = process.env): AccessView {
  const readOnly = isReadOnlyDeployment(env);
  return {
    name: identity.name,
    role: identity.role,
    via: identity.via,
    canChange: can(identity.role, 'change') && !readOnly,
    readOnly,
    demo: identity.via === 'demo',
  };
}

/** setup: no account exists and no SSO is configured (only the first-admin page is served). */
export async function pageAccess(headers: Headers): Promise<PageAccess> {
  if (!isDemoMode()) {
    const { db } = await getDatabase();
    if (!ssoEnabled() && (await countUsers(db)) === 0) return { kind: 'setup' };
  }
  const identity = await identify(headers);
  return identity ? { kind: 'ok', access: accessView(identity) } : { kind: 'sign-in' };
}
