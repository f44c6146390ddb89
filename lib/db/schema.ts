// The database's tables as Kysely sees them: better-auth's (user, session, account, verification) and the
// console's own (audit, api_token, setting, operation, lock_holder). Column names follow better-auth's camelCase for its tables.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type UserTable = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  username: string | null;
  displayUsername: string | null;
  role: string;
};

export type SessionTable = {
  id: string;
  expiresAt: Timestamp;
  token: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
};

export type AccountTable = {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Timestamp | null;
  refreshTokenExpiresAt: Timestamp | null;
  scope: string | null;
  password: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type VerificationTable = {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type AuditTable = {
  id: Generated<string>;
  at: ColumnType<Date, never, never>;
  action: string;
  outcome: string;
  user_id: string | null;
  user_name: string | null;
  role: string | null;
  source_ip: string | null;
  user_agent: string | null;
  resource_ids: ColumnType<string[], string[], never>;
  request_ids: ColumnType<string[], string[], never>;
  details: ColumnType<unknown, string, never>;
  /** The account and region the entry acted in (null: the default scope, or not an EC2 action). */
  account: ColumnType<string | null, string | null | undefined, never>;
  region: ColumnType<string | null, string | null | undefined, never>;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

export type SettingTable = { key: string; value: string };

/** One apply: its steps and outcome are written as they happen; finished_at null means it never ended. */
export type OperationTable = {
  id: string;
  user_name: string;
  move: ColumnType<unknown, string, never>;
  plan: ColumnType<unknown, string, never>;
  started_at: Timestamp;
  steps: ColumnType<unknown, string | undefined, string>;
  finished_at: Timestamp | null;
  outcome: ColumnType<unknown, string | null | undefined, string>;
  /** Where the operation acts (null: the default scope, and every operation begun before accounts existed). */
  account: ColumnType<string | null, string | null | undefined, never>;
  region: ColumnType<string | null, string | null | undefined, never>;
};

/** Who holds a resource lock (the lock itself is a Postgres advisory lock on the key's hash). */
export type LockHolderTable = { key: string; token: string; user_name: string; change: string; since: string };

export type Database = {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  audit: AuditTable;
  api_token: ApiTokenTable;
  setting: SettingTable;
  operation: OperationTable;
  lock_holder: LockHolderTable;
};
