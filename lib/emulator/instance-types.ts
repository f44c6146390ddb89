// The instance-type network limits catalogue (all types in data/instance-type-network-limits.csv), loaded once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATOR_DIR } from './paths';

export interface InstanceTypeLimits {
  instanceType: string;
  vcpus: number;
  memoryMib: number;
  maxNetworkInterfaces: number;
  ipv4PerInterface: number;
  ipv6PerInterface: number;
  networkCards: number;
  networkPerformance: string;
}

let catalogue: Map<string, InstanceTypeLimits> | null = null;

function load(): Map<string, InstanceTypeLimits> {
  const csv = readFileSync(join(EMULATOR_DIR, 'data', 'instance-type-network-limits.csv'), 'utf8');
  const map = new Map<string, InstanceTypeLimits>();
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  for (const line of lines.slice(1)) {
    // network_performance is the last column and never contains a comma.
    const [type, vcpus, mem, enis, ipv4, ipv6, cards, ...perf] = line.split(',');
    if (type === undefined) continue;
    map.set(type, {
      instanceType: type,
      vcpus: Number(vcpus),
      memoryMib: Number(mem),
      maxNetworkInterfaces: Number(enis),
      ipv4PerInterface: Number(ipv4),
      ipv6PerInterface: Number(ipv6),
      networkCards: Number(cards),
      networkPerformance: perf.join(','),
    });
  }
  return map;
}

export function instanceTypes(): Map<string, InstanceTypeLimits> {
  catalogue ??= load();
  return catalogue;
}

export function instanceType(name: string): InstanceTypeLimits | undefined {
  return instanceTypes().get(name);
}

/** ENIs allowed on one network card: the type's total spread evenly across its cards (ec2-rules §2.6). */
export function maxInterfacesPerCard(t: InstanceTypeLimits): number {
  return Math.max(1, Math.floor(t.maxNetworkInterfaces / Math.max(1, t.networkCards)));
}
