// Which accounts and regions the console offers and where a request acts: the configured accounts (or, in demo
// mode, the emulator's), each account's regions (configured, else its DescribeRegions, cached), and the scope of
// a request checked against them — an unknown account or region is a clear `invalid-input`, never a guess.
import 'server-only';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { isDemoMode } from '@/lib/auth/mode';
import { listDemoAccounts } from '@/lib/demo/control';
import { fail, type Result } from '@/lib/result';
import {
  accountIdSchema,
  type ConsoleAccount,
  DEFAULT_ACCOUNT,
  parseAccountsConfig,
  regionSchema,
  rememberAccounts,
} from './accounts-config';
import { configuredRegion, getEc2Client, type Scope } from './client';
import { toFailure } from './errors';

/** What a request may name: `?account=…&region=…` or `"scope": {…}`, both optional (the default scope). */
export const scopeInputSchema = z.strictObject({
  account: accountIdSchema.optional(),
  region: regionSchema.optional(),
});
export type ScopeInput = z.infer<typeof scopeInputSchema>;

/** An account as the browser sees it: no profile names, role ARNs or keys. */
export type AccountChoice = { id: string; label: string; regions: string[] };

const DEMO_TTL_MS = 5_000;
let demoCache: { at: number; accounts: ConsoleAccount[] } | null = null;

/** After a demo reset: the emulator's accounts may have changed with its scenario. */
export function forgetDemoAccounts(): void {
  demoCache = null;
}

async function configuredAccounts(): Promise<Result<{ accounts: ConsoleAccount[] }>> {
  const configured = parseAccountsConfig();
  if (configured) return configured;
  if (!isDemoMode()) return { ok: true, accounts: [DEFAULT_ACCOUNT] };
  if (demoCache && Date.now() - demoCache.at < DEMO_TTL_MS) return { ok: true, accounts: demoCache.accounts };
  const demo = await listDemoAccounts();
  // A demo console without the control token (or an older emulator) keeps the one default account.
  const accounts: ConsoleAccount[] = demo.ok ? demo.accounts : [DEFAULT_ACCOUNT];
  demoCache = { at: Date.now(), accounts };
  return { ok: true, accounts };
}

/** Every account the console offers, remembered so that a client can be made from an account id alone. */
export async function listAccounts(): Promise<Result<{ accounts: ConsoleAccount[] }>> {
  const result = await configuredAccounts();
  if (result.ok) rememberAccounts(result.accounts);
  return result;
}

const REGIONS_TTL_MS = 60 * 60_000;
const regionCache = new Map<string, { at: number; regions: string[] }>();

/** The account's regions: as configured, else what its DescribeRegions lists (cached for an hour). */
export async function regionsOf(account: ConsoleAccount): Promise<Result<{ regions: string[] }>> {
  if (account.regions) return { ok: true, regions: account.regions };
  const hit = regionCache.get(account.id);
  if (hit && Date.now() - hit.at < REGIONS_TTL_MS) return { ok: true, regions: hit.regions };
  const home = configuredRegion();
  try {
    const out = await getEc2Client({ account: account.id, region: home }).send(new DescribeRegionsCommand({}));
    const names = (out.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : []));
    // The configured region first (the default), the others in name order.
    const regions = [home, ...names.filter((n) => n !== home).sort()];
    regionCache.set(account.id, { at: Date.now(), regions });
    return { ok: true, regions };
  } catch (err) {
    return toFailure(err, {});
  }
}

/** The accounts with their regions, for the header's switcher and selector. */
export async function accountChoices(): Promise<Result<{ accounts: AccountChoice[] }>> {
  const listed = await listAccounts();
  if (!listed.ok) return listed;
  const accounts: AccountChoice[] = [];
  for (const account of listed.accounts) {
    const regions = await regionsOf(account);
    // An account whose regions cannot be listed is still offered in the console's own region.
    accounts.push({
      id: account.id,
      label: account.label,
      regions: regions.ok ? regions.regions : [configuredRegion()],
    });
  }
  return { ok: true, accounts };
}

/** The scope a request names, checked against the configured accounts and that account's regions. */
export async function resolveScope(input: ScopeInput = {}): Promise<Result<{ scope: Scope }>> {
  const listed = await listAccounts();
  if (!listed.ok) return listed;
  const names = listed.accounts.map((a) => `${a.id} (${a.label})`).join(', ');
  const account =
    input.account === undefined ? listed.accounts[0] : listed.accounts.find((a) => a.id === input.account);
  if (!account)
    return fail(
      'invalid-input',
      `There is no account "${input.account}" in this console's configuration. Choose one of: ${names}.`,
    );
  const regions = await regionsOf(account);
  if (!regions.ok) return regions;
  const region = input.region ?? regions.regions[0] ?? configuredRegion();
  if (!regions.regions.includes(region))
    return fail(
      'invalid-input',
      `Account ${account.id} (${account.label}) is not offered in ${region}. Its regions: ${regions.regions.join(', ')}.`,
    );
  return { ok: true, scope: { account: account.id, region } };
}
