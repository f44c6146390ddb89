// Scenario builder, second half: instances with their ENIs, pool ENIs and Elastic IPs, checked against EC2's rules.
import { instanceType, type InstanceTypeLimits, maxInterfacesPerCard } from './instance-types';
import { formatIpv6 } from './ipv6';
import { formatPrefix28 } from './ledger';
import type { Instance, NetworkInterface, Subnet } from './model';
import { associateEip, attachEni, createEni } from './mutations';
import type { Scenario } from './scenario-schema';
import type { Store } from './store';

const BASE_TIME = Date.parse('2025-01-15T09:00:00.000Z');
type Extras = { ipv4Prefixes?: number | undefined; ipv6Addresses?: number | undefined };
type IpSpec = { ip?: string | undefined; secondaryIps?: string[] | number | undefined };

export function populate(
  store: Store,
  scenario: Scenario,
  name: string,
  subnetByKey: Map<string, string>,
  groupByKey: Map<string, string>,
): void {
  const fail = (msg: string): never => {
    throw new Error(`Scenario '${name}': ${msg}`);
  };
  const subnet = (key: string): Subnet =>
    store.subnets.get(subnetByKey.get(key) ?? '') ?? fail(`unknown subnet ${key}`);
  const defaultGroup = new Map<string, string>();
  for (const g of store.groups.values()) if (g.name === 'default') defaultGroup.set(g.vpcId, g.id);
  const groups = (s: Subnet, keys: string[] | undefined): string[] =>
    keys && keys.length > 0
      ? keys.map((k) => groupByKey.get(k) ?? fail(`unknown security group ${k}`))
      : [defaultGroup.get(s.vpcId) ?? fail('no default SG')];

  // Explicit addresses are claimed up front so auto-picked ones never collide with them.
  const explicit = new Set<string>();
  const claim = (subnetKey: string, spec: IpSpec) => {
    const s = subnet(subnetKey);
    for (const ip of [spec.ip, ...(Array.isArray(spec.secondaryIps) ? spec.secondaryIps : [])]) {
      if (ip === undefined) continue;
      if (!s.ledger.contains(ip) || s.ledger.isReserved(ip)) fail(`${ip} is not a usable address of ${subnetKey}`);
      if (explicit.has(`${s.id}|${ip}`)) fail(`${ip} is used twice`);
      explicit.add(`${s.id}|${ip}`);
    }
  };
  for (const i of scenario.instances) {
    claim(i.subnet, i);
    for (const e of i.enis ?? []) claim(e.subnet, e);
  }
  for (const e of scenario.networkInterfaces) claim(e.subnet, e);

  const pick = (s: Subnet, count: number): string[] => {
    const out: string[] = [];
    while (out.length < count) {
      const [ip] = s.ledger.pickFree(1) ?? fail(`subnet ${s.id} is full`);
      if (ip !== undefined && !explicit.has(`${s.id}|${ip}`) && !out.includes(ip)) out.push(ip);
    }
    return out;
  };
  const addresses = (s: Subnet, spec: IpSpec): { primaryIp: string; secondaryIps: string[] } => {
    const primaryIp = spec.ip ?? (pick(s, 1)[0] as string);
    const secondaryIps = Array.isArray(spec.secondaryIps) ? spec.secondaryIps : pick(s, spec.secondaryIps ?? 0);
    return { primaryIp, secondaryIps };
  };

  const eniByKey = new Map<string, NetworkInterface>();
  // Prefixes and IPv6 come last, once every explicit address is held, so a /28 never swallows one.
  const later: { eni: NetworkInterface; spec: Extras; label: string; cap: InstanceTypeLimits | null }[] = [];
  scenario.instances.forEach((spec, n) => {
    const type = instanceType(spec.type) ?? fail(`unknown instance type ${spec.type}`);
    const s = subnet(spec.subnet);
    const launchTime = new Date(BASE_TIME + n * 60_000);
    const extra = spec.enis ?? [];
    // The limit holds per network card; the primary is on card 0 (ec2-rules §2.6).
    for (let card = 0; card < type.networkCards; card++) {
      const onCard = (card === 0 ? 1 : 0) + extra.filter((e) => (e.networkCardIndex ?? 0) === card).length;
      if (onCard > maxInterfacesPerCard(type)) fail(`${spec.key}: ${onCard} ENIs on card ${card} exceed ${spec.type}`);
    }
    if (extra.some((e) => (e.networkCardIndex ?? 0) >= type.networkCards))
      fail(`${spec.key}: ${spec.type} has ${type.networkCards} network card(s)`);
    const inst: Instance = {
      id: store.ids.id('i'),
      reservationId: store.ids.id('r'),
      type: spec.type,
      state: spec.state,
      stateSettleAt: null,
      subnetId: s.id,
      imageId: 'ami-0abcdef1234567890',
      keyName: spec.keyName ?? null,
      launchTime,
      reason: spec.state === 'stopped' ? 'User initiated (2025-02-01 08:00:00 GMT)' : '',
      primaryEniId: '',
      eniIds: [],
      tags: new Map([['Name', spec.name], ...Object.entries(spec.tags ?? {})]),
    };
    store.instances.set(inst.id, inst);
    const primary = createEni(store, s, {
      ...addresses(s, spec),
      description: spec.description ?? 'Primary network interface',
      groupIds: groups(s, spec.groups),
      sourceDestCheck: spec.sourceDestCheck ?? true,
      autoAssignPublicIp: spec.publicIp ?? false,
    });
    inst.primaryEniId = primary.id;
    // ENIs created at launch delete with the instance (ec2-rules §3.11 effects).
    attachEni(store, primary, inst, {
      deviceIndex: 0,
      networkCardIndex: 0,
      deleteOnTermination: true,
      attachTime: launchTime,
      settleAt: null,
    });
    eniByKey.set(`${spec.key}/eth0`, primary);
    later.push({ eni: primary, spec, label: `${spec.key}/eth0`, cap: type });
    for (const e of extra) {
      const es = subnet(e.subnet);
      if (es.az !== s.az) fail(`${spec.key} eth${e.deviceIndex} is in another AZ`);
      const card = e.networkCardIndex ?? 0;
      if (extra.filter((x) => x.deviceIndex === e.deviceIndex && (x.networkCardIndex ?? 0) === card).length > 1)
        fail(`${spec.key}: device index ${e.deviceIndex} used twice on card ${card}`);
      const eni = createEni(store, es, {
        ...addresses(es, e),
        description: e.description ?? '',
        groupIds: groups(es, e.groups),
        sourceDestCheck: e.sourceDestCheck ?? true,
        interfaceType: e.interfaceType ?? 'interface',
        tags: e.name ? new Map([['Name', e.name]]) : new Map(),
      });
      attachEni(store, eni, inst, {
        deviceIndex: e.deviceIndex,
        networkCardIndex: card,
        deleteOnTermination: false,
        attachTime: launchTime,
        settleAt: null,
      });
      eniByKey.set(e.key ?? `${spec.key}/eth${e.deviceIndex}`, eni);
      later.push({ eni, spec: e, label: e.key ?? `${spec.key}/eth${e.deviceIndex}`, cap: type });
    }
    for (const eni of inst.eniIds.map((id) => store.enis.get(id) as NetworkInterface)) {
      if (eni.privateIps.length > type.ipv4PerInterface)
        fail(`${spec.key}: ${eni.privateIps.length} IPs exceed ${spec.type}`);
    }
    // Launched with one ENI and auto-assign on: an Amazon public IPv4 while running (ec2-rules §3.11, ec2-rules §3.21).
    if (spec.publicIp && spec.state === 'running' && extra.length === 0)
      primary.amazonPublicIp = store.nextAmazonPublicIp();
  });

  for (const spec of scenario.networkInterfaces) {
    const s = subnet(spec.subnet);
    const rm = spec.requesterManaged;
    const eni = createEni(store, s, {
      ...addresses(s, spec),
      description: spec.description ?? '',
      groupIds: rm ? [] : groups(s, spec.groups),
      sourceDestCheck: spec.sourceDestCheck ?? true,
      requesterManaged: rm !== undefined,
      requesterId: rm?.requesterId ?? null,
      interfaceType: rm?.interfaceType ?? spec.interfaceType ?? 'interface',
      tags: spec.name ? new Map([['Name', spec.name]]) : new Map(),
    });
    eniByKey.set(spec.key, eni);
    later.push({ eni, spec, label: spec.key, cap: null });
  }

  for (const item of later) addExtras(store, item, fail);

  if (scenario.elasticIps.length > store.settings.eipQuota)
    fail(`${scenario.elasticIps.length} Elastic IPs exceed eipQuota ${store.settings.eipQuota}`);
  for (const spec of scenario.elasticIps) {
    const eip = {
      allocationId: store.ids.id('eipalloc'),
      publicIp: store.nextElasticPublicIp(),
      association: null,
      tags: spec.name ? new Map([['Name', spec.name]]) : new Map(),
    };
    store.eips.set(eip.allocationId, eip);
    if (spec.eni === undefined) continue;
    const eni = eniByKey.get(spec.eni) ?? fail(`unknown ENI ${spec.eni}`);
    // `secondary:N` names the N-th secondary address of the ENI (used by generated scenarios).
    const ip = spec.ip?.startsWith('secondary:')
      ? eni.privateIps[Number(spec.ip.slice(10))]
      : (spec.ip ?? eni.privateIps[0]);
    if (ip === undefined || !eni.privateIps.includes(ip))
      fail(`EIP ${spec.name ?? ''}: ${spec.ip ?? ''} is not on ${spec.eni}`);
    if (!store.vpcHasInternetGateway(eni.vpcId))
      fail(`EIP ${spec.name ?? ''}: VPC of ${spec.eni} has no internet gateway`);
    associateEip(store, eip, eni, ip as string);
  }
}

/** Delegates the ENI's /28 prefixes and assigns its IPv6 addresses, within the type's per-ENI limits (ec2-rules §2.7). */
function addExtras(
  store: Store,
  item: { eni: NetworkInterface; spec: Extras; label: string; cap: InstanceTypeLimits | null },
  fail: (msg: string) => never,
): void {
  const { eni, spec, label, cap } = item;
  const subnet = store.subnetOf(eni);
  const prefixes = spec.ipv4Prefixes ?? 0;
  if (cap && eni.privateIps.length + prefixes > cap.ipv4PerInterface)
    fail(`${label}: ${eni.privateIps.length} IPs and ${prefixes} prefixes exceed ${cap.instanceType}`);
  const bases = prefixes > 0 ? (subnet.ledger.pickFreePrefixes(prefixes) ?? fail(`${label}: no free /28 left`)) : [];
  for (const base of bases) {
    subnet.ledger.holdPrefix(base, eni.id);
    eni.ipv4Prefixes.push(formatPrefix28(base));
  }
  const v6 = spec.ipv6Addresses ?? 0;
  if (v6 === 0) return;
  const pool = subnet.ipv6 ?? fail(`${label}: its subnet has no ipv6Cidr`);
  if (cap && v6 > cap.ipv6PerInterface) fail(`${label}: ${v6} IPv6 addresses exceed ${cap.instanceType}`);
  for (const n of pool.pick(v6)) {
    pool.hold(n, eni.id);
    eni.ipv6Addresses.push(formatIpv6(n));
  }
}
