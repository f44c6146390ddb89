// Scenario catalogue (scenarios/*.json) and the builder that turns one into a fresh, deterministic Store.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cidrContains, parseCidr } from './ip';
import { Ipv6Pool, ipv6CidrContains, parseIpv6Cidr } from './ipv6';
import { AddressLedger } from './ledger';
import { EMULATOR_DIR } from './paths';
import { type Scenario, scenarioSchema } from './scenario-schema';
import { expandLarge } from './scenarios/generate-large';
import { populate } from './scenario-populate';
import type { EmulatorSettings } from './settings';
import { Store } from './store';

const DIR = join(EMULATOR_DIR, 'scenarios');
const cache = new Map<string, Scenario>();

export function scenarioNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => (a === 'showcase' ? -1 : b === 'showcase' ? 1 : a.localeCompare(b)));
}

export function loadScenario(name: string): Scenario {
  const hit = cache.get(name);
  if (hit) return hit;
  if (!scenarioNames().includes(name)) {
    throw new Error(`Unknown scenario '${name}'. Known: ${scenarioNames().join(', ')}`);
  }
  const raw: unknown = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
  const scenario = parseScenario(raw, name);
  cache.set(name, scenario);
  return scenario;
}

/** Validate a scenario definition (a file's JSON or an inline object) and expand its generator, if any. */
export function parseScenario(raw: unknown, label: string): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Scenario '${label}' is invalid: ${parsed.error.message}`);
  return parsed.data.generator ? expandLarge(parsed.data, parsed.data.generator) : parsed.data;
}

export function listScenarios(): { name: string; title: string; description: string }[] {
  return scenarioNames().map((name) => {
    const s = loadScenario(name);
    return { name, title: s.title, description: s.description };
  });
}

/** A dual-stack subnet: a /64 inside its VPC's /56 (ec2-rules §2.7). */
function subnetIpv6(
  name: string,
  vpc: { ipv6Cidr?: string | undefined },
  key: string,
  text: string,
  associationId: string,
): Ipv6Pool {
  const cidr = parseIpv6Cidr(text);
  const outer = vpc.ipv6Cidr ? parseIpv6Cidr(vpc.ipv6Cidr) : null;
  if (cidr.prefix !== 64 || !outer || !ipv6CidrContains(outer, cidr))
    throw new Error(`Scenario '${name}': subnet ${key} IPv6 ${text} must be a /64 of its VPC's IPv6 CIDR`);
  return new Ipv6Pool(cidr, associationId);
}

const tagsOf = (name: string, extra?: Record<string, string>) =>
  new Map([['Name', name], ...Object.entries(extra ?? {})]);

/** Build the account for a scenario (by default the named file). Same name → same IDs, addresses and MACs (seeded by the name). */
export function buildStore(name: string, settings: EmulatorSettings, scenario: Scenario = loadScenario(name)): Store {
  const store = new Store(`scenario:${name}`, settings);
  if (scenario.eniQuota !== undefined) store.eniQuota = scenario.eniQuota;
  const subnetByKey = new Map<string, string>();
  const groupByKey = new Map<string, string>();
  for (const spec of scenario.vpcs) {
    const vpcCidr = parseCidr(spec.cidr);
    const vpc = {
      id: store.ids.id('vpc'),
      cidr: spec.cidr,
      cidrAssociationId: store.ids.id('vpc-cidr-assoc'),
      dhcpOptionsId: store.ids.id('dopt'),
      ipv6: spec.ipv6Cidr
        ? { cidr: parseIpv6Cidr(spec.ipv6Cidr).text, associationId: store.ids.id('vpc-cidr-assoc') }
        : null,
      tags: tagsOf(spec.name),
    };
    store.vpcs.set(vpc.id, vpc);
    const defaultSg = {
      id: store.ids.id('sg'),
      name: 'default',
      description: 'default VPC security group',
      vpcId: vpc.id,
      tags: new Map(),
    };
    store.groups.set(defaultSg.id, defaultSg);
    groupByKey.set(`${spec.key}:default`, defaultSg.id);
    for (const g of spec.securityGroups) {
      const sg = {
        id: store.ids.id('sg'),
        name: g.name,
        description: g.description,
        vpcId: vpc.id,
        tags: tagsOf(g.name),
      };
      store.groups.set(sg.id, sg);
      groupByKey.set(g.key, sg.id);
    }
    if (spec.internetGateway) {
      const igw = { id: store.ids.id('igw'), vpcId: vpc.id, tags: tagsOf(`${spec.name}-igw`) };
      store.igws.set(igw.id, igw);
    }
    for (const s of spec.subnets) {
      const cidr = parseCidr(s.cidr);
      if (!cidrContains(vpcCidr, cidr))
        throw new Error(`Scenario '${name}': subnet ${s.key} ${s.cidr} is outside ${spec.cidr}`);
      const subnet = {
        id: store.ids.id('subnet'),
        vpcId: vpc.id,
        az: `${settings.region}${s.az}`,
        cidr: s.cidr,
        mapPublicIpOnLaunch: s.public,
        ledger: new AddressLedger(cidr),
        ipv6: s.ipv6Cidr ? subnetIpv6(name, spec, s.key, s.ipv6Cidr, store.ids.id('subnet-cidr-assoc')) : null,
        tags: tagsOf(s.name),
      };
      store.subnets.set(subnet.id, subnet);
      subnetByKey.set(s.key, subnet.id);
    }
  }
  populate(store, scenario, name, subnetByKey, groupByKey);
  return store;
}
