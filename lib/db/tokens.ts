// API tokens for scripts: created for a user, shown once, kept only as a SHA-256 hash; listed, revoked, resolved.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type TokenInfo = {
  id: string;
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

/** Tokens are 32 random bytes: a fast hash is enough to keep them unguessable at rest (no password to stretch). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createToken(
  db: Kysely<Database>,
  userId: string,
  expiresAt: Date | null,
): Promise<{ id: string; token: string }> {
  const id = `tok-${randomBytes(6).toString('hex')}`;
  const token = `eni_${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('api_token')
    .values({
      id,
      user_id: userId,
      token_hash: hashToken(token),
      expires_at: expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { id, token };
}

/** Tokens joined to the user each acts for. */
const withUser = (db: Kysely<Database>) => db.selectFrom('api_token').innerJoin('user', 'user.id', 'api_token.user_id');

/** The user a token acts for, with that user's current role; null when unknown, revoked or expired. */
export async function resolveToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<{ tokenId: string; userId: string; name: string; role: string } | null> {
  const row = await withUser(db)
    .select([
      'api_token.id as tokenId',
      'api_token.expires_at',
      'api_token.revoked_at',
      'user.id as userId',
      'user.email',
      'user.username',
      'user.role',
    ])
    .where('api_token.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && new Date(row.expires_at).getTime() <= now.getTime()) return null;
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.tokenId).execute();
  return { tokenId: row.tokenId, userId: row.userId, name: row.username ?? row.email, role: row.role };
}

export async function listTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  const rows = await withUser(db)
    .select([
      'api_token.id',
      'api_token.user_id',
      'user.username',
      'user.name',
      'api_token.created_at',
      'api_token.expires_at',
      'api_token.revoked_at',
      'api_token.last_used_at',
    ])
    .orderBy('api_token.created_at')
    .execute();
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.username ?? r.name,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
    lastUsedAt: iso(r.last_used_at),
  }));
}

/** Marks a token revoked (kept for the record). Returns the token's user, or null when no live token has that id. */
export async function revokeToken(db: Kysely<Database>, id: string): Promise<{ userId: string } | null> {
  const row = await db
    .updateTable('api_token')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row ? { userId: row.user_id } : null;
}
