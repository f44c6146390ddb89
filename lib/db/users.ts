// Account queries the CLI and the admin actions need beyond better-auth's own: find by name, list, set a role,
// remove, count, and a user's sessions (list and revoke).
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type UserInfo = {
  id: string;
  name: string;
  displayName: string;
  email: string;
  role: string;
  createdAt: string;
  sso: boolean;
};

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByName(db: Kysely<Database>, name: string): Promise<UserInfo | null> {
  const users = await listUsers(db, name);
  return users[0] ?? null;
}

export async function listUsers(db: Kysely<Database>, name?: string): Promise<UserInfo[]> {
  let q = db
    .selectFrom('user')
    .select(['id', 'username', 'name', 'email', 'role', 'createdAt'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('account')
            .select('account.id')
            .whereRef('account.userId', '=', 'user.id')
            .where('account.providerId', '!=', 'credential'),
        )
        .as('sso'),
    )
    .orderBy('createdAt');
  if (name !== undefined)
    q = q.where((eb) => eb.or([eb('username', '=', name.toLowerCase()), eb('email', '=', name.toLowerCase())]));
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.username ?? r.email,
    displayName: r.name,
    email: r.email,
    role: r.role,
    createdAt: new Date(r.createdAt).toISOString(),
    sso: Boolean(r.sso),
  }));
}

export async function setUserRole(db: Kysely<Database>, userId: string, role: string): Promise<void> {
  await db.updateTable('user').set({ role, updatedAt: new Date() }).where('id', '=', userId).execute();
}

/** Removes the user with their sessions, accounts and tokens (the audit record keeps their name). */
export async function removeUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('user').where('id', '=', userId).execute();
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type SessionInfo = {
  id: string;
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
};

export async function listSessions(db: Kysely<Database>, userId?: string): Promise<SessionInfo[]> {
  let q = db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.userId')
    .select([
      'session.id',
      'session.userId',
      'user.username',
      'user.email',
      'session.createdAt',
      'session.expiresAt',
      'session.ipAddress',
      'session.userAgent',
    ])
    .where('session.expiresAt', '>', new Date())
    .orderBy('session.createdAt');
  if (userId) q = q.where('session.userId', '=', userId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    userName: r.username ?? r.email,
    createdAt: new Date(r.createdAt).toISOString(),
    expiresAt: new Date(r.expiresAt).toISOString(),
    ipAddress: r.ipAddress,
    userAgent: r.userAgent,
  }));
}

/** Ends sessions at once: one by id, or every session of a user. Returns how many were ended. */
export async function revokeSessions(
  db: Kysely<Database>,
  target: { sessionId: string } | { userId: string },
): Promise<number> {
  const q =
    'sessionId' in target
      ? db.deleteFrom('session').where('id', '=', target.sessionId)
      : db.deleteFrom('session').where('userId', '=', target.userId);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A local account: the user and its credential account (the password hash better-auth made), together. */
export async function insertLocalUser(
  db: Kysely<Database>,
  user: { id: string; username: string; displayUsername: string; email: string; role: string; passwordHash: string },
): Promise<void> {
  const now = new Date();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('user')
      .values({
        id: user.id,
        name: user.username,
        email: user.email,
        emailVerified: true,
        image: null,
        createdAt: now,
        updatedAt: now,
        username: user.username,
        displayUsername: user.displayUsername,
        role: user.role,
      })
      .execute();
    await tx
      .insertInto('account')
      .values({
        id: `${user.id}-credential`,
        accountId: user.id,
        providerId: 'credential',
        userId: user.id,
        accessToken: null,
        refreshToken: null,
        idToken: null,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        scope: null,
        password: user.passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
}

/** A user's role and email by id (the sign-in hooks: the record, and the SSO role mapping). */
export async function userById(db: Kysely<Database>, userId: string): Promise<{ role: string; email: string } | null> {
  const row = await db.selectFrom('user').select(['role', 'email']).where('id', '=', userId).executeTakeFirst();
  return row ?? null;
}
