'use client';
// Detail views for compute-side resources: instance, ENI, private IP.
import { eipAt, type Eni, type Instance, type PrivateIp } from '@/lib/topology';
import { Badge } from '@/components/ui/badge';
import { formatUtc } from './model/format';
import { eniSlotsView, ipSlotsView, sortedIps } from './model/slots';
import { Bool, Field, Fields, Id, Limit, Section, Tags } from './detail-fields';
import { EniPrefixesAndIpv6Detail } from './detail-eni-extras';
import { GuestOsSection, HealthBadge, StatusChecks } from './detail-guest-os';
import { StateDot } from './instance-card';
import { useTopology } from './topology-context';
import { InstancePublicIp, InstancePublicIps } from './detail-views-public';
import { FailoverSection } from '../failover/failover-section';

export function InstanceDetail({ instance }: { instance: Instance }) {
  const { index } = useTopology();
  const { max, used } = eniSlotsView(index, instance);
  const limits = index.snapshot.instanceTypes[instance.type];
  const enis = index.enisByInstance.get(instance.id) ?? [];
  return (
    <>
      <Section title="Instance">
        <Fields>
          <Field label="Instance id">
            <Id value={instance.id} />
          </Field>
          <Field label="Name">{instance.name}</Field>
          <Field label="Type" mono>
            {instance.type}
          </Field>
          <Field label="State">
            <span className="inline-flex items-center gap-2">
              <StateDot state={instance.state} />
              <HealthBadge instance={instance} />
            </span>
          </Field>
          <Field label="Status checks">
            <StatusChecks instance={instance} />
          </Field>
          <Field label="Availability Zone" mono>
            {instance.az}
          </Field>
          <Field label="VPC">
            <Id value={instance.vpcId} to={instance.vpcId ? { kind: 'vpc', id: instance.vpcId } : undefined} />
          </Field>
          <Field label="Subnet">
            <Id
              value={instance.subnetId}
              to={instance.subnetId ? { kind: 'subnet', id: instance.subnetId } : undefined}
            />
          </Field>
          <Field label="Private IP" mono>
            {instance.privateIp}
          </Field>
          <Field label="Public IP">
            <InstancePublicIp instance={instance} />
          </Field>
          <Field label="Platform">{instance.platform ?? 'Linux/UNIX'}</Field>
          <Field label="Launched">{formatUtc(instance.launchTime)}</Field>
        </Fields>
      </Section>
      <FailoverSection instance={instance} />
      <Section title="Limits of the type">
        <Fields>
          <Field label="ENIs">
            <Limit used={used} max={max} unit="attached" />
          </Field>
          <Field label="IPv4 per ENI" mono>
            {limits?.ipv4PerEni ?? '—'}
          </Field>
          <Field label="Network cards" mono>
            {limits?.networkCards ?? '—'}
          </Field>
        </Fields>
      </Section>
      <Section title={`Network interfaces (${enis.length})`}>
        <ul className="flex flex-col gap-1.5 text-xs">
          {enis.map((e) => (
            <li key={e.id} className="flex items-center gap-2">
              <Badge tone="eni" className="font-mono">
                eth{e.attachment?.deviceIndex}
              </Badge>
              <Id value={e.id} to={{ kind: 'eni', id: e.id }} />
              <span className="ml-auto font-mono text-muted">{e.privateIps[0]?.address}</span>
            </li>
          ))}
        </ul>
      </Section>
      <GuestOsSection instance={instance} />
      <InstancePublicIps instance={instance} />
      <Section title="Tags">
        <Tags tags={instance.tags} />
      </Section>
    </>
  );
}

export function EniDetail({ eni }: { eni: Eni }) {
  const { index } = useTopology();
  const { max, used } = ipSlotsView(index, eni);
  const a = eni.attachment;
  return (
    <>
      <Section title="Network interface">
        <Fields>
          <Field label="ENI id">
            <Id value={eni.id} />
          </Field>
          <Field label="Name">{eni.name}</Field>
          <Field label="Description">{eni.description || null}</Field>
          <Field label="Status" mono>
            {eni.status}
          </Field>
          <Field label="Interface type" mono>
            {eni.interfaceType}
          </Field>
          <Field label="Subnet">
            <Id value={eni.subnetId} to={{ kind: 'subnet', id: eni.subnetId }} />
          </Field>
          <Field label="VPC">
            <Id value={eni.vpcId} to={{ kind: 'vpc', id: eni.vpcId }} />
          </Field>
          <Field label="Availability Zone" mono>
            {eni.az}
          </Field>
          <Field label="MAC address" mono>
            {eni.macAddress}
          </Field>
          <Field label="Private DNS" mono>
            {eni.privateDnsName}
          </Field>
          <Field label="Source/dest check">
            <Bool value={eni.sourceDestCheck} yes="on" no="off (appliance)" />
          </Field>
          <Field label="Requester-managed">
            <Bool value={eni.requesterManaged} />
          </Field>
          <Field label="Owner" mono>
            {eni.ownerId}
          </Field>
          <Field label="IPv4 addresses">
            {a?.instanceId ? (
              <Limit used={used} max={max} unit="allowed by the instance type" />
            ) : (
              <span>
                {used} <span className="text-faint">(the instance type limits apply once attached)</span>
              </span>
            )}
          </Field>
        </Fields>
      </Section>
      <Section title="Attachment">
        {a ? (
          <Fields>
            <Field label="Attachment id">
              <Id value={a.id} />
            </Field>
            <Field label="Instance">
              <Id value={a.instanceId} to={a.instanceId ? { kind: 'instance', id: a.instanceId } : undefined} />
            </Field>
            <Field label="Device index" mono>{`${a.deviceIndex} (eth${a.deviceIndex})`}</Field>
            <Field label="Network card" mono>
              {a.networkCardIndex}
            </Field>
            <Field label="Status" mono>
              {a.status}
            </Field>
            <Field label="Delete on termination">
              <Bool value={a.deleteOnTermination} />
            </Field>
            <Field label="Attached">{formatUtc(a.attachTime)}</Field>
          </Fields>
        ) : (
          <p className="text-xs text-muted">Not attached: this ENI is in the pool.</p>
        )}
      </Section>
      <Section title={`Security groups (${eni.groups.length})`}>
        <ul className="flex flex-col gap-1 text-xs">
          {eni.groups.map((g) => (
            <li key={g.id} className="flex items-center justify-between gap-2">
              <span className="truncate">{g.name}</span>
              <Id value={g.id} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title={`Private IPv4 (${eni.privateIps.length})`}>
        <ul className="flex flex-col gap-1 text-xs">
          {sortedIps(eni).map((ip) => {
            const eip = eipAt(index, eni.id, ip.address);
            return (
              <li key={ip.address} className="flex items-center gap-2">
                <Id value={ip.address} to={{ kind: 'ip', eniId: eni.id, address: ip.address }} />
                {ip.primary ? <Badge tone="outline">primary</Badge> : null}
                {ip.association ? (
                  <span className={eip ? 'ml-auto font-mono text-eip' : 'ml-auto font-mono text-public'}>
                    → {ip.association.publicIp}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Section>
      <EniPrefixesAndIpv6Detail eni={eni} />
      <Section title="Tags">
        <Tags tags={eni.tags} />
      </Section>
    </>
  );
}

export function IpDetail({ eni, ip }: { eni: Eni; ip: PrivateIp }) {
  const { index } = useTopology();
  const eip = eipAt(index, eni.id, ip.address);
  const instanceId = eni.attachment?.instanceId ?? null;
  const assoc = ip.association;
  return (
    <>
      <Section title="Private IPv4">
        <Fields>
          <Field label="Address">
            <Id value={ip.address} />
          </Field>
          <Field label="Role">
            {ip.primary ? 'Primary — locked to its ENI' : 'Secondary — can move within the subnet'}
          </Field>
          <Field label="ENI">
            <Id value={eni.id} to={{ kind: 'eni', id: eni.id }} />
          </Field>
          <Field label="Device" mono>
            {eni.attachment ? `eth${eni.attachment.deviceIndex}` : 'unattached'}
          </Field>
          <Field label="Instance">
            <Id value={instanceId} to={instanceId ? { kind: 'instance', id: instanceId } : undefined} />
          </Field>
          <Field label="Subnet">
            <Id value={eni.subnetId} to={{ kind: 'subnet', id: eni.subnetId }} />
          </Field>
          <Field label="Private DNS" mono>
            {ip.dnsName}
          </Field>
        </Fields>
      </Section>
      <Section title="Public IPv4">
        {assoc ? (
          <Fields>
            <Field label="Public IP">
              <Id value={assoc.publicIp} />
            </Field>
            <Field label="Kind">{assoc.allocationId ? 'Elastic IP' : 'Amazon-assigned (released on stop)'}</Field>
            <Field label="Public DNS" mono>
              {assoc.publicDnsName}
            </Field>
            <Field label="IP owner" mono>
              {assoc.ipOwnerId}
            </Field>
            <Field label="Allocation id">
              <Id value={assoc.allocationId} to={eip ? { kind: 'eip', id: eip.allocationId } : undefined} />
            </Field>
            <Field label="Association id">
              <Id value={assoc.associationId} />
            </Field>
          </Fields>
        ) : (
          <p className="text-xs text-muted">No public IPv4 on this address.</p>
        )}
      </Section>
    </>
  );
}
