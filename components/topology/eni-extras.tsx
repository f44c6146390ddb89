'use client';
// What an ENI carries besides its movable IPv4 slots: its interface type, a network card other than 0, delegated
// /28 prefixes and IPv6 addresses. All read-only: the console shows them truthfully but does not move them.
import { Badge } from '@/components/ui/badge';
import { LockIcon } from '@/components/ui/icons';
import type { Eni } from '@/lib/topology';

const READ_ONLY =
  'The console shows it but does not move it: change it with the EC2 console, the CLI or the tool that manages it.';

const TYPE_TITLES: Record<string, string> = {
  trunk: "EKS trunk ENI: the VPC resource controller associates pods' branch ENIs with it.",
  branch: "EKS branch ENI: one pod's interface with its own security groups, associated with a node's trunk ENI.",
  efa: 'Elastic Fabric Adapter: OS-bypass networking for HPC and ML traffic.',
  'efa-only': 'EFA-only interface: Elastic Fabric Adapter traffic only, no IP networking.',
};

/** The interface-type and network-card badges of a user ENI (requester-managed ones are labelled elsewhere). */
export function EniTypeBadges({ eni }: { eni: Eni }) {
  const card = eni.attachment?.networkCardIndex ?? 0;
  const special = !eni.requesterManaged && eni.interfaceType !== 'interface';
  if (!special && card === 0) return null;
  return (
    <>
      {special ? (
        <Badge
          tone="eni"
          data-testid={`eni-type-${eni.id}`}
          title={`${TYPE_TITLES[eni.interfaceType] ?? `Interface type ${eni.interfaceType}.`} ${READ_ONLY}`}
        >
          {eni.interfaceType}
        </Badge>
      ) : null}
      {card > 0 ? (
        <Badge
          tone="outline"
          data-testid={`eni-card-${eni.id}`}
          title={`Attached on network card ${card} of a multi-card instance type; device indexes count per card.`}
        >
          card {card}
        </Badge>
      ) : null}
    </>
  );
}

/** Delegated IPv4 prefixes and IPv6 addresses, each a labelled read-only row under the IP slots. */
export function EniPrefixesAndIpv6({ eni }: { eni: Eni }) {
  const prefixes = eni.ipv4Prefixes ?? [];
  const ipv6 = eni.ipv6Addresses ?? [];
  if (prefixes.length === 0 && ipv6.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 px-2.5 pb-2">
      {prefixes.length > 0 ? (
        <ReadOnlyRow
          testId={`eni-prefixes-${eni.id}`}
          label={`IPv4 prefixes (${prefixes.length})`}
          title={`Delegated /28 prefixes (EKS prefix delegation): 16 addresses each, and each takes one of the ENI's IPv4 slots. ${READ_ONLY}`}
          values={prefixes}
        />
      ) : null}
      {ipv6.length > 0 ? (
        <ReadOnlyRow
          testId={`eni-ipv6-${eni.id}`}
          label={`IPv6 (${ipv6.length})`}
          title={`IPv6 addresses from the subnet's /64; they do not take IPv4 slots. ${READ_ONLY}`}
          values={ipv6}
        />
      ) : null}
    </div>
  );
}

function ReadOnlyRow({
  testId,
  label,
  title,
  values,
}: {
  testId: string;
  label: string;
  title: string;
  values: string[];
}) {
  return (
    <div data-testid={testId} className="flex min-w-0 flex-wrap items-center gap-1" title={title}>
      <span className="inline-flex shrink-0 items-center gap-0.5 text-2xs font-medium text-muted">
        <LockIcon className="size-2.5" label="read-only" />
        {label}
      </span>
      <ul className="flex min-w-0 flex-wrap gap-1" aria-label={`${label}, read-only`}>
        {values.map((v) => (
          <li
            key={v}
            className="max-w-full truncate rounded border border-dashed border-line-strong bg-subtle px-1 font-mono text-2xs text-muted"
          >
            {v}
          </li>
        ))}
      </ul>
    </div>
  );
}
