'use client';
// Instance details: its status checks (marked when impaired or not running) and the guest OS section, which
// says whether the OS needs policy routing and opens the generated configuration.
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { dhcpWarning, guestConfigFor } from '@/lib/topology/guest-config';
import { healthMark, statusChecksWords } from '@/lib/topology/health';
import type { Instance } from '@/lib/topology';
import { Section } from './detail-fields';
import { GuestConfigDialog } from './guest-config-dialog';
import { useTopology } from './topology-context';

/** The card's and the panel's mark for an impaired or stopped instance; nothing for a healthy one. */
export function HealthBadge({ instance, className }: { instance: Instance; className?: string }) {
  const mark = healthMark(instance);
  if (!mark) return null;
  return (
    <Badge tone={mark.level} title={mark.detail} data-testid={`health-${instance.id}`} className={className}>
      {mark.label}
    </Badge>
  );
}

export function StatusChecks({ instance }: { instance: Instance }) {
  const { index } = useTopology();
  const mark = healthMark(instance);
  // An impaired instance: the mark's sentence says which checks failed and since when; otherwise the checks as read.
  if (mark?.level === 'danger')
    return (
      <span data-testid="status-checks" className="text-danger">
        {mark.detail}
      </span>
    );
  return (
    <span data-testid="status-checks" className="flex flex-col gap-1">
      <span className={cn(instance.health ? 'font-mono' : 'text-muted')}>
        {statusChecksWords(instance, index.snapshot.healthUnavailable)}
      </span>
      {mark ? <span className="text-muted">{mark.detail}</span> : null}
    </span>
  );
}

export function GuestOsSection({ instance }: { instance: Instance }) {
  const { index } = useTopology();
  const [open, setOpen] = useState(false);
  const config = guestConfigFor(index.snapshot, instance.id);
  if (!config) return null;
  const warning = dhcpWarning(config);
  return (
    <Section title="Guest OS configuration">
      <div data-testid="guest-os-section" className="flex flex-col gap-2 text-xs">
        <p className="text-fg">
          {config.needed
            ? 'Needs policy routing: a route table per interface and a source rule per address, so replies leave by the interface the request came in on. Generated for iproute2, netplan (Ubuntu) and ifupdown (Debian); Amazon Linux does it by itself.'
            : config.summary}
        </p>
        {warning ? (
          <p className="text-warn">
            A second ENI brought up with plain DHCP can take over the default route and cut off SSH.
          </p>
        ) : null}
        {config.needed ? (
          <div>
            <Button size="sm" onClick={() => setOpen(true)} data-testid="guest-os-open">
              Show the configuration
            </Button>
          </div>
        ) : null}
      </div>
      {open ? (
        <GuestConfigDialog snapshot={index.snapshot} instanceId={instance.id} onClose={() => setOpen(false)} />
      ) : null}
    </Section>
  );
}
