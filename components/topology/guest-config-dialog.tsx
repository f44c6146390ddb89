'use client';
// The guest OS configuration of one instance, in a modal <dialog>: tabs for iproute2, netplan, ifupdown and
// Amazon Linux, each copyable, with the DHCP default-route warning. Opened from the instance's details and from
// a plan that attaches an ENI or moves a secondary IP onto an instance (then it shows the state after the move).
import { useId, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { DialogCloseButton, ModalDialog } from '@/components/ui/modal-dialog';
import { AlertIcon } from '@/components/ui/icons';
import { cn } from '@/lib/cn';
import { pageScope, withScope } from '@/lib/queries/scope';
import { dhcpWarning, guestConfigFor, type GuestFormat } from '@/lib/topology/guest-config';
import { renderAmazonLinuxNote, renderGuestConfig } from '@/lib/topology/guest-config-render';
import type { Snapshot } from '@/lib/topology';

type Tab = GuestFormat | 'amazon-linux';
const tabs: { id: Tab; label: string; hint: string }[] = [
  {
    id: 'iproute2',
    label: 'iproute2',
    hint: 'A shell script for any Linux: run as root, takes effect at once, lost at reboot.',
  },
  { id: 'netplan', label: 'netplan', hint: 'Ubuntu: persistent, applied with netplan try.' },
  { id: 'ifupdown', label: 'ifupdown', hint: 'Debian: /etc/network/interfaces stanzas, persistent.' },
  { id: 'amazon-linux', label: 'Amazon Linux', hint: 'Nothing to install: amazon-ec2-net-utils does it.' },
];

type Props = {
  snapshot: Snapshot;
  instanceId: string;
  /** Set when the snapshot is the state after a planned move, not the account as it is. */
  afterMove?: string;
  onClose: () => void;
};

export function GuestConfigDialog({ snapshot, instanceId, afterMove, onClose }: Props) {
  const titleId = useId();
  const [tab, setTab] = useState<Tab>('iproute2');
  const config = guestConfigFor(snapshot, instanceId);

  const text = !config ? '' : tab === 'amazon-linux' ? renderAmazonLinuxNote(config) : renderGuestConfig(config, tab);
  const warning = config ? dhcpWarning(config) : null;
  const name = config?.instance.name ? `${config.instance.name} (${instanceId})` : instanceId;
  const current = tabs.find((t) => t.id === tab)!;

  return (
    <ModalDialog
      testId="guest-config-dialog"
      labelledBy={titleId}
      onCancel={() => onClose()}
      className="h-[min(90vh,60rem)] w-[min(60rem,calc(100vw-2rem))]"
    >
      <header className="flex items-start gap-3 border-b border-line px-5 pt-4 pb-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p className="text-2xs font-semibold tracking-wide text-muted uppercase">
            Guest OS configuration{afterMove ? ' · after this change' : ''}
          </p>
          <h2 id={titleId} className="text-base leading-snug font-semibold">
            Policy routing for <span className="font-mono">{name}</span>
          </h2>
          <p className="text-xs text-muted">{config ? config.summary : `${instanceId} is not in the snapshot.`}</p>
          {afterMove ? (
            <p className="text-xs text-muted">
              As it will be once the plan is applied: {afterMove.replace(/\.+$/, '')}.
            </p>
          ) : null}
        </div>
        <DialogCloseButton onClick={onClose} />
      </header>

      {config?.needed ? (
        <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-hidden px-5 py-4">
          {warning ? (
            <p
              role="note"
              data-testid="guest-config-dhcp-warning"
              className="flex gap-2 rounded-md border border-warn/30 bg-warn-soft px-3 py-2 text-xs text-fg"
            >
              <AlertIcon className="mt-0.5 size-3.5 shrink-0 text-warn" />
              <span>{warning}</span>
            </p>
          ) : null}
          {config.notes.map((n) => (
            <p key={n} role="note" className="text-xs text-muted">
              {n}
            </p>
          ))}
          <InterfaceTable config={config} />
          <div role="tablist" aria-label="Format" className="flex gap-1 border-b border-line">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`guest-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls="guest-config-text"
                onClick={() => setTab(t.id)}
                className={cn(
                  '-mb-px border-b-2 px-3 py-1.5 text-xs font-medium transition-colors',
                  tab === t.id ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
                )}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div className="flex items-center gap-2">
            <p className="flex-1 text-2xs text-muted">{current.hint}</p>
            {tab !== 'amazon-linux' ? (
              <a
                className="text-2xs text-accent hover:underline"
                href={`/api/instances/${instanceId}/guest-config?${withScope(`format=${tab}`, pageScope())}`}
                target="_blank"
                rel="noreferrer"
              >
                as text
              </a>
            ) : null}
            <CopyButton value={text} label={`Copy the ${current.label} configuration`} className="size-6" />
          </div>
          <pre
            id="guest-config-text"
            role="tabpanel"
            aria-labelledby={`guest-tab-${tab}`}
            data-testid="guest-config-text"
            tabIndex={0}
            className="min-h-0 flex-1 overflow-auto rounded-md border border-line bg-canvas px-3 py-2.5 font-mono text-2xs leading-relaxed whitespace-pre text-fg"
          >
            {text}
          </pre>
        </div>
      ) : (
        <p className="px-5 py-4 text-xs text-muted">Nothing to configure in the guest.</p>
      )}
    </ModalDialog>
  );
}

function InterfaceTable({ config }: { config: NonNullable<ReturnType<typeof guestConfigFor>> }) {
  return (
    <table className="w-full text-left text-2xs">
      <thead className="text-faint">
        <tr>
          <th className="py-1 pr-3 font-medium">Interface</th>
          <th className="py-1 pr-3 font-medium">ENI</th>
          <th className="py-1 pr-3 font-medium">Addresses</th>
          <th className="py-1 pr-3 font-medium">Router</th>
          <th className="py-1 font-medium">Table · rule priority</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {config.interfaces.map((i) => (
          <tr key={i.eniId} className="border-t border-line">
            <td className="py-1 pr-3 font-semibold">{i.name}</td>
            <td className="py-1 pr-3 text-muted">{i.eniName ?? i.eniId}</td>
            <td className="py-1 pr-3">{[i.primaryAddress, ...i.secondaryAddresses].join(', ')}</td>
            <td className="py-1 pr-3">
              {i.gateway} <span className="text-faint">({i.subnetCidr})</span>
            </td>
            <td className="py-1">
              {i.table} · {i.rulePriority}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
