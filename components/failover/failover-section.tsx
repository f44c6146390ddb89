'use client';
// "Fail over to…" in an instance's details: every other instance with its verdict (checkFailover), the possible
// ones first; offered prominently when the instance is impaired or stopped. Opens the failover dialog.
import { useMemo, useState } from 'react';
import { useCanChange } from '@/components/access/access-context';
import { Button } from '@/components/ui/button';
import { AlertIcon } from '@/components/ui/icons';
import { defaultCheckSettings, failoverCandidates, type Failover, type Instance } from '@/lib/topology';
import { healthMark } from '@/lib/topology/health';
import { Section } from '../topology/detail-fields';
import { useTopology } from '../topology/topology-context';
import { FailoverDialog } from './failover-dialog';

const nameOf = (i: Instance | undefined, id: string) => i?.name ?? id;

export function FailoverSection({ instance }: { instance: Instance }) {
  const { index } = useTopology();
  const canChange = useCanChange();
  const [open, setOpen] = useState<Failover | null>(null);
  const settings =
    'settings' in index.snapshot
      ? (index.snapshot as { settings: typeof defaultCheckSettings }).settings
      : defaultCheckSettings;
  const candidates = useMemo(
    () => failoverCandidates(index.snapshot, instance.id, true, settings),
    [index.snapshot, instance.id, settings],
  );
  if (!canChange) return null;
  const possible = candidates.filter((c) => c.verdict.ok);
  // Nothing to move: no secondary ENI of its own, no secondary IP on its primary ENI.
  const enis = index.enisByInstance.get(instance.id) ?? [];
  const movable = enis.some(
    (e) =>
      ((e.attachment?.deviceIndex ?? 0) >= 1 && !e.requesterManaged) ||
      (e.attachment?.deviceIndex === 0 && e.privateIps.some((p) => !p.primary)),
  );
  const dialog = open ? (
    <FailoverDialog
      failover={open}
      fromName={nameOf(instance, instance.id)}
      toName={nameOf(index.instanceById.get(open.to), open.to)}
      onClose={() => setOpen(null)}
    />
  ) : null;
  const mark = healthMark(instance);
  const urgent = mark !== null && (mark.label === 'Impaired' || mark.label === 'Stopped');
  // After a failover the instance has nothing left to move, but the dialog that did it stays open (same place in
  // the tree, so it keeps its state) with its outcome.
  return (
    <>
      {movable ? (
        <Section title="Fail over to…">
          <div data-testid="failover-section" className="flex flex-col gap-2 text-xs">
            {urgent ? (
              <p
                role="status"
                className="flex gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-fg"
              >
                <AlertIcon className="mt-0.5 size-3.5 shrink-0 text-danger" />
                {nameOf(instance, instance.id)} is {mark.label.toLowerCase()}: move its secondary ENIs and IPs (with
                their Elastic IPs) to a standby.
              </p>
            ) : (
              <p className="text-muted">
                Moves its secondary ENIs and the secondary IPs of its primary ENI, with their Elastic IPs, to another
                instance in one checked step.
              </p>
            )}
            <ul className="flex flex-col gap-1.5">
              {candidates.slice(0, 8).map(({ instanceId, verdict }) => {
                const target = index.instanceById.get(instanceId);
                return (
                  <li key={instanceId} className="flex flex-col gap-0.5">
                    {verdict.ok ? (
                      <Button
                        size="sm"
                        variant={urgent && possible[0]?.instanceId === instanceId ? 'primary' : 'secondary'}
                        data-testid="failover-candidate"
                        onClick={() => setOpen({ kind: 'failover', from: instance.id, to: instanceId, ips: true })}
                      >
                        Fail over to {nameOf(target, instanceId)}
                      </Button>
                    ) : (
                      <>
                        <span className="font-medium text-muted">{nameOf(target, instanceId)}</span>
                        <span className="text-faint">{verdict.reasons[0]?.message}</span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        </Section>
      ) : null}
      {dialog}
    </>
  );
}
