// Credentials of a role account: STS AssumeRole with the account's external id and, as the role session name, the
// console user's name (sanitised to STS's rules), so CloudTrail names who acted; cached until shortly before expiry.
import 'server-only';
import {
  AssumeRoleCommand,
  type AssumeRoleCommandInput,
  type AssumeRoleCommandOutput,
  STSClient,
} from '@aws-sdk/client-sts';

export type RoleSpec = { roleArn: string; externalId: string; sourceProfile?: string };
export type TemporaryCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
};
/** What the provider needs of an STS client (a mock in tests). */
export type StsSender = { send(command: AssumeRoleCommand): Promise<AssumeRoleCommandOutput> };

/** How long before expiry cached credentials are renewed: a call that starts with them must not outlive them. */
export const RENEW_BEFORE_MS = 5 * 60_000;
const SESSION_SECONDS = 3_600;

/**
 * STS's RoleSessionName: 2–64 characters of letters, digits and `_+=,.@-`. Anything else becomes `-`, a longer
 * name is cut, a shorter one padded, so every user name gives a valid session name that still reads as the user.
 */
export function sessionNameFor(user: string): string {
  const clean = user.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return clean.length >= 2 ? clean : `${clean}--`.slice(0, 2);
}

export function assumeRoleInput(role: RoleSpec, user: string): AssumeRoleCommandInput {
  return {
    RoleArn: role.roleArn,
    ExternalId: role.externalId,
    RoleSessionName: sessionNameFor(user),
    DurationSeconds: SESSION_SECONDS,
  };
}

/**
 * A credential provider for the SDK: AssumeRole on first use, the same credentials until RENEW_BEFORE_MS before
 * they expire, one call in flight however many requests ask at once. `now` is for tests.
 */
export function roleCredentials(
  role: RoleSpec,
  user: string,
  sts: StsSender,
  now: () => number = Date.now,
): () => Promise<TemporaryCredentials> {
  let current: TemporaryCredentials | null = null;
  let pending: Promise<TemporaryCredentials> | null = null;
  return async () => {
    if (current && current.expiration.getTime() - now() > RENEW_BEFORE_MS) return current;
    pending ??= sts
      .send(new AssumeRoleCommand(assumeRoleInput(role, user)))
      .then((out) => {
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration)
          throw new Error(`STS AssumeRole of ${role.roleArn} answered without credentials`);
        current = {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          sessionToken: c.SessionToken,
          expiration: c.Expiration,
        };
        return current;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

const providers = new Map<string, () => Promise<TemporaryCredentials>>();

/** One provider per (role, user) for the process: every region's client of that user shares its credentials. */
export function cachedRoleCredentials(role: RoleSpec, user: string): () => Promise<TemporaryCredentials> {
  const key = `${role.roleArn}\n${role.externalId}\n${role.sourceProfile ?? ''}\n${user}`;
  let provider = providers.get(key);
  if (!provider) {
    // STS is global; its regional endpoint in us-east-1 answers for every commercial region.
    const sts = new STSClient({ region: 'us-east-1', ...(role.sourceProfile ? { profile: role.sourceProfile } : {}) });
    provider = roleCredentials(role, user, sts);
    providers.set(key, provider);
  }
  return provider;
}
