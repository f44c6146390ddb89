// Account and token changes (the CLI's and an admin's): each checks its input, makes the change through better-auth
// or lib/db, and appends it to the record. Expected failures are returned with what to do.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fail, type Result } from '@/lib/result';
import { appendAudit } from '@/lib/db/audit';
import type { Database } from '@/lib/db/schema';
import { createToken, listTokens, revokeToken, type TokenInfo } from '@/lib/db/tokens';
import {
  countAdmins,
  findUserByName,
  insertLocalUser,
  listSessions,
  listUsers,
  removeUser,
  revokeSessions,
  setUserRole,
  type SessionInfo,
  type UserInfo,
} from '@/lib/db/users';
import { localEmailDomain, type Auth } from './auth';
import { isRole, roles, type Role } from './roles';

/** Who made the change, for the record: a person signed in, or the shell user of the CLI. */
export type Actor = {
  userId: string | null;
  name: string;
  role: Role | null;
  sourceIp: string | null;
  userAgent: string | null;
};

export type AccountsDeps = { db: Kysely<Database>; auth: Auth; actor: Actor };

const namePattern = /^[a-z0-9][a-z0-9._]{1,63}$/;

async function record(deps: AccountsDeps, action: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(deps.db, {
    action,
    outcome: 'ok',
    userId: deps.actor.userId,
    userName: deps.actor.name,
    role: deps.actor.role,
    sourceIp: deps.actor.sourceIp,
    userAgent: deps.actor.userAgent,
    resourceIds: [],
    requestIds: [],
    details,
  });
}

function roleOrFail(role: string): Result<{ role: Role }> {
  return isRole(role)
    ? { ok: true, role }
    : fail('invalid-input', `"${role}" is not a role. Use one of: ${roles.join(', ')}.`);
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export async function addUser(
  deps: AccountsDeps,
  name: string,
  role: string,
  password: string,
): Promise<Result<{ user: UserInfo }>> {
  const username = name.toLowerCase();
  if (!namePattern.test(username)) {
    return fail(
      'invalid-input',
      `"${name}" is not a valid user name: use 2–64 letters, digits, dots or underscores, starting with a letter or digit.`,
    );
  }
  const r = roleOrFail(role);
  if (!r.ok) return r;
  const ctx = await deps.auth.$context;
  const { minPasswordLength, maxPasswordLength } = ctx.password.config;
  if (password.length < minPasswordLength || password.length > maxPasswordLength) {
    return fail('invalid-input', `The password must be ${minPasswordLength} to ${maxPasswordLength} characters long.`);
  }
  if (await findUserByName(deps.db, username)) return fail('conflict', `A user named "${username}" already exists.`);
  const hash = await ctx.password.hash(password);
  await insertLocalUser(deps.db, {
    id: randomUUID(),
    username,
    displayUsername: name,
    email: `${username}@${localEmailDomain}`,
    role: r.role,
    passwordHash: hash,
  });
  await record(deps, 'user.add', { user: username, role: r.role });
  return { ok: true, user: (await findUserByName(deps.db, username))! };
}

export async function setRole(
  deps: AccountsDeps,
  name: string,
  role: string,
): Promise<Result<{ user: UserInfo; previous: string }>> {
  const r = roleOrFail(role);
  if (!r.ok) return r;
  const user = await findUserByName(deps.db, name);
  if (!user) return fail('not-found', `No user named "${name}". \`npm run user -- list\` shows who exists.`);
  if (user.role === 'admin' && r.role !== 'admin' && (await countAdmins(deps.db)) <= 1) {
    return fail('refused', `"${user.name}" is the only admin; make another user admin first.`);
  }
  await setUserRole(deps.db, user.id, r.role);
  await record(deps, 'user.set-role', { user: user.name, role: r.role, previous: user.role });
  return { ok: true, user: { ...user, role: r.role }, previous: user.role };
}

export async function remove(deps: AccountsDeps, name: string): Promise<Result<{ user: UserInfo }>> {
  const user = await findUserByName(deps.db, name);
  if (!user) return fail('not-found', `No user named "${name}". \`npm run user -- list\` shows who exists.`);
  if (user.role === 'admin' && (await countAdmins(deps.db)) <= 1) {
    return fail('refused', `"${user.name}" is the only admin; make another user admin first.`);
  }
  await removeUser(deps.db, user.id);
  await record(deps, 'user.remove', { user: user.name, role: user.role });
  return { ok: true, user };
}

export async function users(deps: Pick<AccountsDeps, 'db'>): Promise<UserInfo[]> {
  return listUsers(deps.db);
}

export async function sessions(
  deps: Pick<AccountsDeps, 'db'>,
  name?: string,
): Promise<Result<{ sessions: SessionInfo[] }>> {
  if (name === undefined) return { ok: true, sessions: await listSessions(deps.db) };
  const user = await findUserByName(deps.db, name);
  if (!user) return fail('not-found', `No user named "${name}".`);
  return { ok: true, sessions: await listSessions(deps.db, user.id) };
}

/** Ends every session of a user at once (they must sign in again). */
export async function signOutUser(deps: AccountsDeps, name: string): Promise<Result<{ ended: number }>> {
  const user = await findUserByName(deps.db, name);
  if (!user) return fail('not-found', `No user named "${name}". \`npm run user -- list\` shows who exists.`);
  const ended = await revokeSessions(deps.db, { userId: user.id });
  await record(deps, 'session.revoke', { user: user.name, sessions: ended });
  return { ok: true, ended };
}

/** Ends one session by id. */
export async function revokeSession(deps: AccountsDeps, sessionId: string): Promise<Result<{ ended: number }>> {
  const ended = await revokeSessions(deps.db, { sessionId });
  if (ended === 0) return fail('not-found', `No session with id "${sessionId}".`);
  await record(deps, 'session.revoke', { session: sessionId });
  return { ok: true, ended };
}

const durationPattern = /^(\d+)(h|d)$/;

/** '30d', '12h' → a Date that far from now. */
export function expiryFrom(text: string, now = new Date()): Result<{ expiresAt: Date }> {
  const m = durationPattern.exec(text);
  if (!m || Number(m[1]) === 0)
    return fail('invalid-input', `"${text}" is not a duration: use a number of hours or days, e.g. 12h or 30d.`);
  const ms = Number(m[1]) * (m[2] === 'h' ? 3_600_000 : 86_400_000);
  return { ok: true, expiresAt: new Date(now.getTime() + ms) };
}

export async function createApiToken(
  deps: AccountsDeps,
  name: string,
  expiresAt: Date | null,
): Promise<Result<{ id: string; token: string; user: UserInfo }>> {
  const user = await findUserByName(deps.db, name);
  if (!user) return fail('not-found', `No user named "${name}". \`npm run user -- list\` shows who exists.`);
  const { id, token } = await createToken(deps.db, user.id, expiresAt);
  await record(deps, 'token.create', { token: id, user: user.name, expiresAt: expiresAt?.toISOString() ?? null });
  return { ok: true, id, token, user };
}

export async function tokens(deps: Pick<AccountsDeps, 'db'>): Promise<TokenInfo[]> {
  return listTokens(deps.db);
}

export async function revokeApiToken(deps: AccountsDeps, id: string): Promise<Result<{ id: string }>> {
  const revoked = await revokeToken(deps.db, id);
  if (!revoked) return fail('not-found', `No live token with id "${id}". \`npm run token -- list\` shows the tokens.`);
  await record(deps, 'token.revoke', { token: id });
  return { ok: true, id };
}
