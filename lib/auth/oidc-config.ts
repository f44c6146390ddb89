// Single sign-on settings from the environment (ENI_CONSOLE_OIDC_*), and the mapping of a groups or roles claim
// to the console's roles. Pure: the better-auth wiring is in lib/auth/auth.ts.
import { roles, type Role } from './roles';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that lists the user's groups or roles (default `groups`). */
  rolesClaim: string;
  /** Group → role, e.g. netadmins=admin,neteng=operator,support=viewer. */
  roleMap: Record<string, Role>;
  /** Scopes asked for (ENI_CONSOLE_OIDC_SCOPES, default `openid profile email`): some issuers release groups only under their own scope. */
  scopes: string[];
};

export type OidcConfigResult = { ok: true; config: OidcConfig | null } | { ok: false; message: string };

export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfigResult {
  const issuer = env.ENI_CONSOLE_OIDC_ISSUER;
  const clientId = env.ENI_CONSOLE_OIDC_CLIENT_ID;
  const clientSecret = env.ENI_CONSOLE_OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return { ok: true, config: null };
  if (!issuer || !clientId || !clientSecret) {
    return {
      ok: false,
      message:
        'Single sign-on needs ENI_CONSOLE_OIDC_ISSUER, ENI_CONSOLE_OIDC_CLIENT_ID and ENI_CONSOLE_OIDC_CLIENT_SECRET together; one or more is missing.',
    };
  }
  const roleMap: Record<string, Role> = {};
  for (const pair of (env.ENI_CONSOLE_OIDC_ROLE_MAP ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const group = pair.slice(0, eq).trim();
    const role = pair.slice(eq + 1).trim();
    if (eq <= 0 || !(roles as readonly string[]).includes(role)) {
      return {
        ok: false,
        message: `ENI_CONSOLE_OIDC_ROLE_MAP: "${pair}" is not GROUP=ROLE with ROLE one of ${roles.join(', ')} (e.g. netadmins=admin,neteng=operator,support=viewer).`,
      };
    }
    roleMap[group] = role as Role;
  }
  return {
    ok: true,
    config: {
      issuer: issuer.replace(/\/$/, ''),
      clientId,
      clientSecret,
      rolesClaim: env.ENI_CONSOLE_OIDC_ROLES_CLAIM || 'groups',
      roleMap,
      scopes: (env.ENI_CONSOLE_OIDC_SCOPES || 'openid profile email').split(/[\s,]+/).filter(Boolean),
    },
  };
}

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The highest role any of the user's groups maps to; null when none does (no access). */
export function roleFromClaims(profile: Record<string, unknown>, config: OidcConfig): Role | null {
  const raw = profile[config.rolesClaim];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  let best: Role | null = null;
  for (const g of groups) {
    const role = config.roleMap[g];
    if (role && (best === null || rank[role] > rank[best])) best = role;
  }
  return best;
}
