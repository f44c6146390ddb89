// Several accounts and regions in one emulator: a multi-account scenario (scenarios/multi/*.json) names each
// account's access key and, per region, the scenario its store is built from. A request's account is the access
// key of its SigV4 credential scope, its region the scope's region; each (account, region) is its own store
// (ec2-rules §9.1).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Ec2Error } from './errors';
import { EMULATOR_DIR } from './paths';
import { buildStore, loadScenario } from './scenarios';
import type { EmulatorSettings } from './settings';
import type { Store } from './store';

/** The access key the console uses against a loopback emulator without credentials: the default account's. */
export const DEMO_ACCESS_KEY_ID = 'AKIDEMOENICONSOLE';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

const accountSpec = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'an account id is lower-case letters, digits and dashes'),
  label: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/, 'an AWS account id has 12 digits'),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'an access key id is 16+ upper-case letters and digits'),
  regions: z.record(z.string().regex(REGION, 'a region looks like us-east-1'), z.string()),
});

const multiScenarioSchema = z.strictObject({
  title: z.string(),
  description: z.string(),
  accounts: z.array(accountSpec).min(1),
});

type MultiScenario = z.infer<typeof multiScenarioSchema>;

/** One account as the control plane lists it (GET /_emulator/accounts). */
export type AccountInfo = { id: string; label: string; accountId: string; accessKeyId: string; regions: string[] };

const DIR = join(EMULATOR_DIR, 'scenarios', 'multi');

export function multiScenarioNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadMultiScenario(name: string): MultiScenario {
  const raw: unknown = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
  const parsed = multiScenarioSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Multi-account scenario '${name}' is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export function listMultiScenarios(): { name: string; title: string; description: string }[] {
  return multiScenarioNames().map((name) => {
    const s = loadMultiScenario(name);
    return { name, title: s.title, description: s.description };
  });
}

/** The settings of one region's store: the emulator's live settings, with the region overridden (AZ names). */
function regionalSettings(settings: EmulatorSettings, region: string, eipQuota?: number): EmulatorSettings {
  // A prototype view, not a copy: a PATCH of the emulator's settings reaches every region's store at once.
  const own: PropertyDescriptorMap = { region: { value: region, enumerable: true } };
  if (eipQuota !== undefined) own.eipQuota = { value: Math.max(eipQuota, settings.eipQuota), enumerable: true };
  return Object.create(settings, own) as EmulatorSettings;
}

/** Every (account, region) store of a multi-account scenario; the first account is the default one. */
export class AccountStores {
  private readonly stores = new Map<string, Store>();
  private readonly byKey = new Map<string, MultiScenario['accounts'][number]>();
  readonly accounts: MultiScenario['accounts'];

  constructor(name: string, settings: EmulatorSettings) {
    this.accounts = loadMultiScenario(name).accounts;
    for (const account of this.accounts) {
      this.byKey.set(account.accessKeyId, account);
      for (const [region, scenario] of Object.entries(account.regions)) {
        // Seeded by account and region: two accounts built from one scenario still have their own ids.
        const definition = loadScenario(scenario);
        const store = buildStore(
          `${name}:${account.id}:${region}`,
          regionalSettings(settings, region, definition.settings.eipQuota),
          definition,
        );
        this.stores.set(`${account.accessKeyId}:${region}`, store);
      }
    }
  }

  private get first(): MultiScenario['accounts'][number] {
    return this.accounts[0] as MultiScenario['accounts'][number];
  }

  /** The default account's first region: what the control plane's single-store routes act on. */
  defaultStore(): Store {
    const account = this.first;
    return this.stores.get(`${account.accessKeyId}:${Object.keys(account.regions)[0]}`) as Store;
  }

  /** The store a request reaches, or EC2's refusal: an unknown access key, or a region the account does not use. */
  storeFor(accessKeyId: string, region: string): Store {
    const account = accessKeyId === DEMO_ACCESS_KEY_ID ? this.first : this.byKey.get(accessKeyId);
    if (!account) throw new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials');
    const store = this.stores.get(`${account.accessKeyId}:${region}`);
    if (!store)
      throw new Ec2Error(
        'AuthFailure',
        `AWS was not able to validate the provided access credentials: account ${account.accountId} is not enabled in ${region} (it uses ${Object.keys(account.regions).join(', ')}).`,
      );
    return store;
  }

  /** The store of an account named by its id (the control plane's), in `region` or its first; null when unknown. */
  storeOfAccount(id: string, region?: string): Store | null {
    const account = this.accounts.find((a) => a.id === id);
    if (!account) return null;
    return this.stores.get(`${account.accessKeyId}:${region ?? Object.keys(account.regions)[0]}`) ?? null;
  }

  regionsOf(accessKeyId: string): string[] {
    const account = accessKeyId === DEMO_ACCESS_KEY_ID ? this.first : this.byKey.get(accessKeyId);
    return account ? Object.keys(account.regions) : [];
  }

  list(): AccountInfo[] {
    return this.accounts.map((a) => ({ ...a, regions: Object.keys(a.regions) }));
  }
}

/** The access key id and region of a SigV4 Authorization header (checked well-formed by access.ts). */
export function credentialScope(authorization: string | undefined): { accessKeyId: string; region: string } | null {
  const m = /Credential=([^/\s,]+)\/\d{8}\/([a-z0-9-]+)\/ec2\/aws4_request/.exec(authorization ?? '');
  return m ? { accessKeyId: m[1] as string, region: m[2] as string } : null;
}
