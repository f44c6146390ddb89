'use client';
// Detail views for network-side resources: VPC, subnet, Elastic IP.
import { formatCost, PUBLIC_IPV4_HOURLY_USD, type Eip, type Subnet, type Vpc } from '@/lib/topology';
import { formatCount, subnetUsage } from './model/format';
import { Bool, Field, Fields, Id, Section, Tags } from './detail-fields';
import { FreeAddressBar } from './group-rows';
import { useTopology } from './topology-context';

export function VpcDetail({ vpc }: { vpc: Vpc }) {
  const { index } = useTopology();
  const azs = index.azsByVpc.get(vpc.id) ?? [];
  return (
    <>
      <Section title="VPC">
        <Fields>
          <Field label="VPC id">
            <Id value={vpc.id} />
          </Field>
          <Field label="Name">{vpc.name}</Field>
          <Field label="CIDR blocks" mono>
            {vpc.cidrs.join(', ') || vpc.cidr}
          </Field>
          <Field label="State" mono>
            {vpc.state}
          </Field>
          <Field label="Default VPC">
            <Bool value={vpc.isDefault} />
          </Field>
          <Field label="Internet gateway">
            {vpc.internetGatewayId ? (
              <Id value={vpc.internetGatewayId} />
            ) : (
              <span className="text-muted">none — Elastic IPs cannot be associated here</span>
            )}
          </Field>
          <Field label="Subnets" mono>
            {azs.reduce((n, a) => n + a.subnets.length, 0)}
          </Field>
          <Field label="AZs" mono>
            {azs.map((a) => a.az).join(', ') || null}
          </Field>
        </Fields>
      </Section>
      <Section title="Tags">
        <Tags tags={vpc.tags} />
      </Section>
    </>
  );
}

export function SubnetDetail({ subnet }: { subnet: Subnet }) {
  const { index } = useTopology();
  const usage = subnetUsage(subnet.cidr, subnet.availableIpCount);
  return (
    <>
      <Section title="Subnet">
        <Fields>
          <Field label="Subnet id">
            <Id value={subnet.id} />
          </Field>
          <Field label="Name">{subnet.name}</Field>
          <Field label="CIDR" mono>
            {subnet.cidr}
          </Field>
          <Field label="Availability Zone" mono>
            {subnet.az}
            {subnet.azId ? ` (${subnet.azId})` : ''}
          </Field>
          <Field label="VPC">
            <Id value={subnet.vpcId} to={{ kind: 'vpc', id: subnet.vpcId }} />
          </Field>
          <Field label="Free addresses">
            <FreeAddressBar subnet={subnet} />
          </Field>
          <Field label="Usable" mono>
            {usage ? `${formatCount(usage.usable)} (size − 5 reserved)` : null}
          </Field>
          <Field label="Instances" mono>
            {index.instancesBySubnet.get(subnet.id)?.length ?? 0}
          </Field>
          <Field label="Unattached ENIs" mono>
            {index.poolEnisBySubnet.get(subnet.id)?.length ?? 0}
          </Field>
        </Fields>
      </Section>
      <Section title="Tags">
        <Tags tags={subnet.tags} />
      </Section>
    </>
  );
}

export function EipDetail({ eip }: { eip: Eip }) {
  const associated = !!(eip.eniId && eip.privateIp);
  return (
    <>
      <Section title="Elastic IP">
        <Fields>
          <Field label="Public IP">
            <Id value={eip.publicIp} />
          </Field>
          <Field label="Allocation id">
            <Id value={eip.allocationId} />
          </Field>
          <Field label="Name">{eip.name}</Field>
          <Field label="Border group" mono>
            {eip.networkBorderGroup}
          </Field>
          <Field label="Cost" mono>
            {formatCost(PUBLIC_IPV4_HOURLY_USD)}
            {associated ? '' : ' — idle, still billed'}
          </Field>
        </Fields>
      </Section>
      <Section title="Association">
        {associated ? (
          <Fields>
            <Field label="Association id">
              <Id value={eip.associationId} />
            </Field>
            <Field label="Private IP">
              <Id
                value={eip.privateIp}
                to={eip.eniId && eip.privateIp ? { kind: 'ip', eniId: eip.eniId, address: eip.privateIp } : undefined}
              />
            </Field>
            <Field label="ENI">
              <Id value={eip.eniId} to={eip.eniId ? { kind: 'eni', id: eip.eniId } : undefined} />
            </Field>
            <Field label="Instance">
              <Id value={eip.instanceId} to={eip.instanceId ? { kind: 'instance', id: eip.instanceId } : undefined} />
            </Field>
          </Fields>
        ) : (
          <p className="text-xs text-muted">
            Not associated. It can map to any private IP in a VPC that has an internet gateway.
          </p>
        )}
      </Section>
      <Section title="Tags">
        <Tags tags={eip.tags} />
      </Section>
    </>
  );
}
