'use client';
// The public IPv4s an instance answers on, on any of its ENIs and addresses, with what they cost per hour.
import { formatCost, type Instance } from '@/lib/topology';
import { Badge } from '@/components/ui/badge';
import { Id, Section } from './detail-fields';
import { publicIpsOfInstance, publicIpv4Hourly, type PublicIpRow } from './model/public-ips';
import { useTopology } from './topology-context';

/** The instance's public IP field: EC2's PublicIpAddress is the primary address's only; say where the others are. */
export function InstancePublicIp({ instance }: { instance: Instance }) {
  const { index } = useTopology();
  const rows = publicIpsOfInstance(index, instance.id);
  const others = rows.filter((r) => r.publicIp !== instance.publicIp).length;
  if (!instance.publicIp && others === 0) return <span className="text-faint">none</span>;
  return (
    <span>
      {instance.publicIp ? (
        <span className="font-mono">{instance.publicIp}</span>
      ) : (
        <span className="text-muted">none on the primary IP</span>
      )}
      {others ? <span className="text-muted"> · {others} on other addresses, listed below</span> : null}
    </span>
  );
}

export function InstancePublicIps({ instance }: { instance: Instance }) {
  const { index } = useTopology();
  const rows = publicIpsOfInstance(index, instance.id);
  return (
    <Section
      title={`Public IPv4 (${rows.length})${rows.length ? ` · ${formatCost(publicIpv4Hourly(rows.length))}` : ''}`}
    >
      {rows.length === 0 ? (
        <p className="text-xs text-muted">No public IPv4 on any of its addresses.</p>
      ) : (
        <ul className="flex flex-col gap-1 text-xs" data-testid="instance-public-ips">
          {rows.map((r) => (
            <PublicRow key={r.publicIp} row={r} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function PublicRow({ row }: { row: PublicIpRow }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
      {row.allocationId ? <Badge tone="eip">EIP</Badge> : <Badge tone="public">Amazon</Badge>}
      <Id value={row.publicIp} to={row.allocationId ? { kind: 'eip', id: row.allocationId } : undefined} />
      <span className="text-muted">→</span>
      <Id value={row.privateIp} to={{ kind: 'ip', eniId: row.eniId, address: row.privateIp }} />
      <span className="ml-auto text-muted">
        {row.deviceIndex !== null ? `eth${row.deviceIndex}` : ''}
        {row.name ? ` · ${row.name}` : ''}
      </span>
    </li>
  );
}
