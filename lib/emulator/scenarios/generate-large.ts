// Expands the `large` and `xlarge` scenarios' generator parameters into plain scenario data, deterministically.
import type { Scenario } from '../scenario-schema';

type Generator = NonNullable<Scenario['generator']>;
const AZS = ['a', 'b', 'c'] as const;

/**
 * VPC v gets 10.v.0.0/16 with an app and a data /20 subnet per AZ. Instance n lives in VPC n % vpcs and
 * AZ ⌊n / vpcs⌋ % 3; its primary ENI and even-numbered extra ENIs sit in the app subnet, odd ones in data.
 * The first `elasticIps` instances in VPCs with an internet gateway carry an EIP on their first secondary IP.
 */
export function expandLarge(base: Scenario, g: Generator): Scenario {
  const vpcs: Scenario['vpcs'] = [];
  const prefix = g.namePrefix ?? 'large';
  // Instance keys sort as they are numbered: node-0001 … node-2000, node-00001 … node-10000.
  const width = Math.max(4, String(g.instances).length);
  for (let v = 0; v < g.vpcs; v++) {
    vpcs.push({
      key: `vpc${v}`,
      name: `${prefix}-vpc-${v + 1}`,
      cidr: `10.${v}.0.0/16`,
      internetGateway: v < g.vpcsWithInternetGateway,
      securityGroups: [{ key: `vpc${v}-app`, name: 'app', description: 'application tier' }],
      subnets: AZS.flatMap((az, a) => [
        {
          key: `vpc${v}-${az}-app`,
          name: `${prefix}-${v + 1}-app-${az}`,
          az,
          cidr: `10.${v}.${a * 32}.0/20`,
          public: true,
        },
        {
          key: `vpc${v}-${az}-data`,
          name: `${prefix}-${v + 1}-data-${az}`,
          az,
          cidr: `10.${v}.${a * 32 + 16}.0/20`,
          public: false,
        },
      ]),
    });
  }
  const instances: Scenario['instances'] = [];
  const elasticIps: Scenario['elasticIps'] = [];
  for (let n = 0; n < g.instances; n++) {
    const v = n % g.vpcs;
    const az = AZS[Math.floor(n / g.vpcs) % AZS.length] as string;
    const key = `node-${String(n + 1).padStart(width, '0')}`;
    const app = `vpc${v}-${az}-app`;
    const data = `vpc${v}-${az}-data`;
    instances.push({
      key,
      name: key,
      type: g.types[n % g.types.length] as string,
      state: g.stoppedEvery > 0 && n % g.stoppedEvery === g.stoppedEvery - 1 ? 'stopped' : 'running',
      subnet: app,
      secondaryIps: g.secondaryIpsPerEni,
      groups: [`vpc${v}-app`],
      tags: { Tier: n % 2 === 0 ? 'web' : 'worker' },
      enis: Array.from({ length: g.enisPerInstance - 1 }, (_, i) => ({
        deviceIndex: i + 1,
        subnet: i % 2 === 0 ? data : app,
        secondaryIps: g.secondaryIpsPerEni,
        name: `${key}-eth${i + 1}`,
        groups: [`vpc${v}-app`],
      })),
    });
    if (v < g.vpcsWithInternetGateway && elasticIps.length < g.elasticIps && g.secondaryIpsPerEni > 0) {
      elasticIps.push({ name: `${key}-public`, eni: `${key}/eth0`, ip: 'secondary:1' });
    }
  }
  return { ...base, vpcs, instances, elasticIps, generator: undefined };
}
