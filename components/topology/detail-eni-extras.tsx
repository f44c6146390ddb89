'use client';
// The ENI details' sections for what the console shows read-only: delegated IPv4 prefixes and IPv6 addresses.
import type { Eni } from '@/lib/topology';
import { Id, Section } from './detail-fields';

/** One section per kind the ENI has; nothing when it has neither. */
export function EniPrefixesAndIpv6Detail({ eni }: { eni: Eni }) {
  const prefixes = eni.ipv4Prefixes ?? [];
  const ipv6 = eni.ipv6Addresses ?? [];
  return (
    <>
      {prefixes.length > 0 ? (
        <Section title={`IPv4 prefixes, delegated (${prefixes.length})`}>
          <p className="mb-1.5 text-2xs text-muted">
            16 addresses each; each takes one IPv4 slot of the ENI. Read-only: the console does not move them.
          </p>
          <ul className="flex flex-col gap-1 text-xs" data-testid="detail-prefixes">
            {prefixes.map((p) => (
              <li key={p}>
                <Id value={p} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {ipv6.length > 0 ? (
        <Section title={`IPv6 (${ipv6.length})`}>
          <p className="mb-1.5 text-2xs text-muted">Read-only: the console does not move IPv6 addresses.</p>
          <ul className="flex flex-col gap-1 text-xs" data-testid="detail-ipv6">
            {ipv6.map((a) => (
              <li key={a}>
                <Id value={a} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
