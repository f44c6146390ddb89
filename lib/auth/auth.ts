// better-auth, configured for the console: local accounts (username + password, hashed by better-auth's scrypt),
// optional OpenID Connect single sign-on, sessions in httpOnly SameSite=Lax cookies, and the sign-in record.
import { betterAuth } from 'better-auth';
import { createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { username } from 'better-auth/plugins/username';
import type { Kysely } from 'kysely';
import { appendAudit } from '@/lib/db/audit';
import { getDatabase } from '@/lib/db/database';
import type { Database } from '@/lib/db/schema';
import { authSecret } from '@/lib/db/settings';
import { setUserRole, userById } from '@/lib/db/users';
import { oidcConfigFromEnv, roleFromClaims, type OidcConfig } from './oidc-config';
import { requestMeta } from './request-meta';
import { isRole, type AuditEntry, type Role } from './roles';

/** Sessions last a working day, then one signs in again. */
export const sessionSeconds = 12 * 60 * 60;
export const ssoProviderId = 'sso';
/** Local accounts need an email in better-auth's schema; this reserved domain marks them as local. */
export const localEmailDomain = 'users.eni-console.invalid';

function userLabel(user: { username?: string | null; email?: string; name?: string } | undefined): string | null {
  return user ? (user.username ?? user.email ?? user.name ?? null) : null;
}

function originOf(request: Request | undefined): string[] {
  const host = request?.headers.get('host');
  if (!request || !host) return [];
  const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  return [`${proto}://${host}`];
}

function buildAuth(
  db: Kysely<Database>,
  secret: string,
  env: NodeJS.ProcessEnv,
  oidc: OidcConfig | null,
  quiet: boolean,
) {
  const baseURL = env.ENI_CONSOLE_URL || undefined;
  // The role each SSO sign-in's groups map to, from the profile until the session is made (same request).
  const ssoRoles = new Map<string, Role | null>();

  const audit = async (
    headers: Headers | undefined,
    entry: Omit<AuditEntry, 'sourceIp' | 'userAgent' | 'resourceIds' | 'requestIds'>,
  ) => {
    try {
      await appendAudit(db, { ...entry, ...requestMeta(headers), resourceIds: [], requestIds: [] });
    } catch (err) {
      console.error('audit: could not record', entry.action, err);
    }
  };
  const roleOf = async (userId: string): Promise<Role | null> => {
    const row = await userById(db, userId);
    return row && isRole(row.role) ? row.role : null;
  };

  return betterAuth({
    appName: 'ENI Console',
    // The CLI serves no HTTP: better-auth's warnings about the base URL are not for it.
    ...(quiet ? { logger: { level: 'error' as const } } : {}),
    baseURL,
    basePath: '/api/auth',
    // Without ENI_CONSOLE_URL, the console's own origin is the one the request was addressed to (Next may see
    // itself as localhost while the browser says 127.0.0.1); another site's Origin is still refused.
    ...(baseURL ? {} : { trustedOrigins: (request?: Request) => originOf(request) }),
    secret,
    database: { db, type: 'postgres', transaction: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 256 },
    user: {
      additionalFields: { role: { type: 'string', required: false, defaultValue: 'viewer', input: false } },
      validateUserInfo: async ({ user, source }) => {
        if (source.method !== 'oauth') return;
        const role = ssoRoles.get(String(user.email ?? '').toLowerCase());
        if (!role) {
          return {
            error: 'no_role',
            errorDescription: 'Your account is in no group that this console maps to a role. Ask an administrator.',
          };
        }
      },
    },
    // A fixed working day: the cookie and the stored session expire together (no silent extension).
    session: { expiresIn: sessionSeconds, disableSessionRefresh: true },
    advanced: {
      cookiePrefix: 'eni-console',
      useSecureCookies: baseURL?.startsWith('https://') ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    onAPIError: { errorURL: '/sign-in' },
    rateLimit: { enabled: true, window: 60, max: 30 },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            if (!ctx?.path?.startsWith('/callback/')) return;
            const user = await userById(db, session.userId);
            const role = user ? ssoRoles.get(user.email.toLowerCase()) : undefined;
            if (!role) return false;
            ssoRoles.delete(user!.email.toLowerCase());
            await setUserRole(db, session.userId, role);
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-out') return;
        const current = await getSessionFromCtx(ctx).catch(() => null);
        if (!current) return;
        await audit(ctx.headers, {
          action: 'sign-out',
          outcome: 'ok',
          userId: current.user.id,
          userName: userLabel(current.user as { username?: string | null; email: string }),
          role: await roleOf(current.user.id),
          details: null,
        });
      }),
      after: createAuthMiddleware(async (ctx) => {
        const local = ctx.path === '/sign-in/username';
        const sso = ctx.path.startsWith('/callback/');
        if (!local && !sso) return;
        const made = ctx.context.newSession;
        const method = local ? 'password' : 'sso';
        if (made) {
          await audit(ctx.headers, {
            action: 'sign-in',
            outcome: 'ok',
            userId: made.user.id,
            userName: userLabel(made.user as { username?: string | null; email: string }),
            role: await roleOf(made.user.id),
            details: { method },
          });
        } else {
          const attempted = local ? String((ctx.body as { username?: unknown } | undefined)?.username ?? '') : null;
          await audit(ctx.headers, {
            action: 'sign-in-failed',
            outcome: 'denied',
            userId: null,
            userName: attempted || null,
            role: null,
            details: { method },
          });
        }
      }),
    },
    plugins: [
      username({ minUsernameLength: 2, maxUsernameLength: 64 }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: ssoProviderId,
                  discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: oidc.scopes,
                  pkce: true,
                  authentication: 'basic',
                  overrideUserInfo: true,
                  mapProfileToUser: (profile) => {
                    const email = String(profile.email ?? '').toLowerCase();
                    ssoRoles.set(email, roleFromClaims(profile as Record<string, unknown>, oidc));
                    return { name: String(profile.name ?? profile.preferred_username ?? email) };
                  },
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

/** A better-auth instance over a given database (tests; the CLI). Throws when the SSO settings are inconsistent. */
export async function createAuth(
  db: Kysely<Database>,
  env: NodeJS.ProcessEnv = process.env,
  { quiet = false } = {},
): Promise<Auth> {
  const oidc = oidcConfigFromEnv(env);
  if (!oidc.ok) throw new Error(oidc.message);
  if (oidc.config && !env.ENI_CONSOLE_URL) {
    throw new Error(
      "Single sign-on needs ENI_CONSOLE_URL, the console's public origin (e.g. https://eni.example.com): the identity provider redirects back to ENI_CONSOLE_URL/api/auth/callback/sso.",
    );
  }
  return buildAuth(db, await authSecret(db, env), env, oidc.config, quiet);
}

const globalKey = Symbol.for('eni-console.auth');
type Holder = { [globalKey]?: Promise<Auth> };

/** This process's better-auth instance over this process's database. */
export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    holder[globalKey] = getDatabase()
      .then(({ db }) => createAuth(db))
      .catch((err) => {
        delete holder[globalKey];
        throw err;
      });
  }
  return holder[globalKey];
}

/** Whether single sign-on is configured (the sign-in page offers it). */
export function ssoEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const r = oidcConfigFromEnv(env);
  return r.ok && r.config !== null;
}
