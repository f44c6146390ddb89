// Who may do what: the three roles, the identity every request resolves to, and the one permission table the
// server's guard decides by (the UI only mirrors it). Pure: no database, no framework.
export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is asking. `via` says how they proved it: a browser session, an API token, or the demo operator. */
export type Identity = { userId: string; name: string; role: Role; via: 'session' | 'token' | 'demo' };

/** read: see the topology and the record; change: plan and apply moves; admin: accounts, tokens, settings. */
export type Permission = 'read' | 'change' | 'admin';

const granted: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  operator: ['read', 'change'],
  admin: ['read', 'change', 'admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return granted[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** What every audit row records (lib/db appends it; nothing ever updates or deletes one). */
export type AuditEntry = {
  /** e.g. 'plan', 'apply', 'sign-in', 'sign-in-failed', 'user.add', 'token.create', 'request-refused' */
  action: string;
  outcome: 'ok' | 'refused' | 'failed' | 'denied' | 'unknown';
  userId: string | null;
  userName: string | null;
  role: Role | null;
  sourceIp: string | null;
  userAgent: string | null;
  /** Every EC2 resource id the entry concerns (instances, ENIs, allocation ids, private IPs). */
  resourceIds: string[];
  /** EC2 request ids of the calls made, in order. */
  requestIds: string[];
  /** The move, plan, outcome message, verified state: whatever explains the entry. JSON. */
  details: unknown;
  /** The account and region acted in; absent: read from `details` (`account`, `region`) when it names them. */
  account?: string | null;
  region?: string | null;
};
