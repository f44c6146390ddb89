// The AWS accounts the console offers, from ENI_CONSOLE_ACCOUNTS (JSON, inline or a file path), validated with zod:
// each an id, a label, and either an AWS profile (shared config file) or a role ARN assumed with an external id.
import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fail, type Result } from '@/lib/result';
import type { Env } from './client';

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;
export const regionSchema = z.string().regex(REGION_PATTERN, 'Expected a region such as us-east-1 or eu-west-1');
export const accountIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Expected an account id of lower-case letters, digits and dashes, e.g. prod');

const common = {
  id: accountIdSchema,
  label: z.string().min(1).max(64),
  /** The regions offered; omitted: the account's own DescribeRegions. The first is the default. */
  regions: z.array(regionSchema).min(1).optional(),
};

const profileAccount = z.strictObject({ ...common, profile: z.string().min(1).max(128) });
const roleAccount = z.strictObject({
  ...common,
  roleArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
      'Expected a role ARN such as arn:aws:iam::123456789012:role/eni-console',
    ),
  // STS: 2–1224 characters of [\w+=,.@:/-].
  externalId: z
    .string()
    .regex(/^[\w+=,.@:/-]{2,1224}$/, 'Expected the external id the role trusts (2–1224 characters)'),
  /** The profile whose credentials call STS; omitted: the default credential chain (the console's own identity). */
  sourceProfile: z.string().min(1).max(128).optional(),
});
/** Emulator accounts (demo mode): the emulator tells accounts apart by access key; the secret is not checked. */
const keyAccount = z.strictObject({ ...common, accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/) });

/** Which kind an entry means, by the key that names its credentials, so errors speak of that kind's fields. */
function schemaFor(entry: unknown) {
  if (typeof entry !== 'object' || entry === null) return null;
  if ('roleArn' in entry || 'externalId' in entry) return roleAccount;
  if ('profile' in entry) return profileAccount;
  if ('accessKeyId' in entry) return keyAccount;
  return null;
}

function issuesOf(error: z.ZodError, at: string): string {
  return error.issues
    .slice(0, 4)
    .map((i) => `${at}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`)
    .join('; ');
}

export type ConsoleAccount =
  | z.infer<typeof profileAccount>
  | z.infer<typeof roleAccount>
  | z.infer<typeof keyAccount>
  /** No ENI_CONSOLE_ACCOUNTS: the default credential chain and AWS_REGION, as before accounts existed. */
  | { id: 'default'; label: string; regions?: string[] };

/** The one account without ENI_CONSOLE_ACCOUNTS: the default credential chain (AWS_PROFILE, keys, SSO, role). */
export const DEFAULT_ACCOUNT: ConsoleAccount = { id: 'default', label: 'Default account' };

export const ACCOUNTS_EXAMPLE =
  '[{"id":"prod","label":"Production","roleArn":"arn:aws:iam::123456789012:role/eni-console","externalId":"…","regions":["us-east-1","eu-west-1"]},{"id":"dev","label":"Development","profile":"dev"}]';

/**
 * ENI_CONSOLE_ACCOUNTS parsed: a JSON array, or the path of a file holding one. Unset: null (the single default
 * account). Any mistake is an `internal` failure whose message names the entry and field and shows an example.
 */
export function parseAccountsConfig(env: Env = process.env): Result<{ accounts: ConsoleAccount[] }> | null {
  const raw = env.ENI_CONSOLE_ACCOUNTS?.trim();
  if (!raw) return null;
  let text = raw;
  if (!raw.startsWith('[')) {
    try {
      text = readFileSync(/*turbopackIgnore: true*/ raw, 'utf8');
    } catch (err) {
      return fail(
        'internal',
        `ENI_CONSOLE_ACCOUNTS is neither a JSON array nor a readable file (${(err as Error).message}). Set it to a JSON array like ${ACCOUNTS_EXAMPLE}, or to the path of a file holding one.`,
      );
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(
      'internal',
      `ENI_CONSOLE_ACCOUNTS is not valid JSON (${(err as Error).message}). Example: ${ACCOUNTS_EXAMPLE}`,
    );
  }
  const invalid = (what: string) =>
    fail(
      'internal',
      `ENI_CONSOLE_ACCOUNTS is invalid: ${what}. Each account has id, label, regions (optional) and either "profile", or "roleArn" with "externalId" (and optionally "sourceProfile"). Example: ${ACCOUNTS_EXAMPLE}`,
    );
  if (!Array.isArray(json) || json.length === 0) return invalid('it must be a non-empty JSON array of accounts');
  const accounts: ConsoleAccount[] = [];
  for (const [index, entry] of json.entries()) {
    const schema = schemaFor(entry);
    if (!schema)
      return invalid(`account [${index}] names no credentials (add "profile", or "roleArn" and "externalId")`);
    const parsed = schema.safeParse(entry);
    if (!parsed.success) return invalid(issuesOf(parsed.error, `account [${index}]`));
    if (accounts.some((a) => a.id === parsed.data.id)) return invalid(`two accounts have the id "${parsed.data.id}"`);
    accounts.push(parsed.data);
  }
  return { ok: true, accounts };
}

let remembered: ConsoleAccount[] = [];

/** The accounts the last listing found (lib/ec2/accounts), for code that holds only an account id. */
export function rememberAccounts(accounts: ConsoleAccount[]): void {
  remembered = accounts;
}

export function knownAccount(id: string): ConsoleAccount | undefined {
  const found = remembered.find((a) => a.id === id);
  if (found) return found;
  // The environment's accounts are known before any listing (a scope may arrive before the first GET /api/accounts).
  const configured = parseAccountsConfig();
  if (configured === null) return id === DEFAULT_ACCOUNT.id ? DEFAULT_ACCOUNT : undefined;
  return configured.ok ? configured.accounts.find((a) => a.id === id) : undefined;
}
