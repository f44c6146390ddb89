// The schema's history, in order, in code: Kysely's Migrator runs the ones a database has not seen yet at start.
// Append new migrations; never edit one that has shipped.
import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

/** better-auth's tables (core, username plugin, the console's role column) as better-auth expects them. */
const authTables: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('user')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('emailVerified', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('image', 'text')
      .addColumn('createdAt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updatedAt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('username', 'text', (c) => c.unique())
      .addColumn('displayUsername', 'text')
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('viewer'))
      .execute();
    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('expiresAt', 'timestamptz', (c) => c.notNull())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('createdAt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updatedAt', 'timestamptz', (c) => c.notNull())
      .addColumn('ipAddress', 'text')
      .addColumn('userAgent', 'text')
      .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .execute();
    await db.schema.createIndex('session_userId_idx').on('session').column('userId').execute();
    await db.schema
      .createTable('account')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('accountId', 'text', (c) => c.notNull())
      .addColumn('providerId', 'text', (c) => c.notNull())
      .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('accessToken', 'text')
      .addColumn('refreshToken', 'text')
      .addColumn('idToken', 'text')
      .addColumn('accessTokenExpiresAt', 'timestamptz')
      .addColumn('refreshTokenExpiresAt', 'timestamptz')
      .addColumn('scope', 'text')
      .addColumn('password', 'text')
      .addColumn('createdAt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updatedAt', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('account_userId_idx').on('account').column('userId').execute();
    await db.schema
      .createTable('verification')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expiresAt', 'timestamptz', (c) => c.notNull())
      .addColumn('createdAt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updatedAt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').execute();
    // Console-wide settings, e.g. the generated signing secret (shared by every instance on one database).
    await db.schema
      .createTable('setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};

/** The record: appended to, never updated or deleted by the application. */
const audit: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('audit')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('user_name', 'text')
      .addColumn('role', 'text')
      .addColumn('source_ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('resource_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('request_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'null'::jsonb`))
      .execute();
    await db.schema.createIndex('audit_at_idx').on('audit').column('at').execute();
    await db.schema.createIndex('audit_user_name_idx').on('audit').columns(['user_name', 'id']).execute();
    await db.schema.createIndex('audit_resource_ids_idx').on('audit').using('gin').column('resource_ids').execute();
  },
};

/** API tokens for scripts: only a SHA-256 of each token is kept. */
const apiTokens: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('api_token')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('last_used_at', 'timestamptz')
      .execute();
  },
};

/**
 * The operation journal (one row per apply: who, the move, the plan, the steps as they happen, the outcome) and
 * who holds each resource lock, so another console process on the same Postgres can name the holder.
 */
const operations: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('operation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('move', 'jsonb', (c) => c.notNull())
      .addColumn('plan', 'jsonb', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('steps', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('finished_at', 'timestamptz')
      .addColumn('outcome', 'jsonb')
      .execute();
    await db.schema.createIndex('operation_started_at_idx').on('operation').column('started_at').execute();
    await db.schema
      .createTable('lock_holder')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * Where each audit entry and each operation acted (issue 11, several accounts and regions): the account and region as
 * columns, so the record filters by them and a Finish/Restore acts where its operation started. Audit rows written
 * before this kept them in `details` (plan, apply): copied over; operations before it were all in the default scope.
 */
const scopeColumns: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('audit').addColumn('account', 'text').execute();
    await db.schema.alterTable('audit').addColumn('region', 'text').execute();
    await sql`update audit set account = details->>'account', region = details->>'region'
      where jsonb_typeof(details) = 'object' and (details ? 'account' or details ? 'region')`.execute(db);
    await db.schema.createIndex('audit_account_region_idx').on('audit').columns(['account', 'region', 'id']).execute();
    await db.schema.alterTable('operation').addColumn('account', 'text').execute();
    await db.schema.alterTable('operation').addColumn('region', 'text').execute();
  },
};

export const migrations: Record<string, Migration> = {
  '0001-auth-tables': authTables,
  '0002-audit': audit,
  '0003-api-tokens': apiTokens,
  '0004-operations': operations,
  '0005-scope-columns': scopeColumns,
};
