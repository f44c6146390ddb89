'use client';
// The right-hand panel: every attribute of the selected resource, or a hint when nothing is selected.
import { useEffect, useRef, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { ResourceHistory } from './activity/activity-panel';
import { ChangeToolbar } from './changes/change-toolbar';
import { Legend } from './legend';
import { kindTone, type Selection } from './model/selection';
import type { TopologyIndex } from './model/topology-index';
import { EniDetail, InstanceDetail, IpDetail } from './detail-views-compute';
import { EipDetail, SubnetDetail, VpcDetail } from './detail-views-network';
import { useTopology } from './topology-context';

const kindLabel: Record<Selection['kind'], string> = {
  vpc: 'VPC',
  subnet: 'Subnet',
  instance: 'Instance',
  eni: 'ENI',
  ip: 'Private IP',
  eip: 'Elastic IP',
};

function resolve(index: TopologyIndex, sel: Selection): { title: string; body: ReactNode } | null {
  switch (sel.kind) {
    case 'vpc': {
      const v = index.vpcById.get(sel.id);
      return v ? { title: v.name ?? v.id, body: <VpcDetail vpc={v} /> } : null;
    }
    case 'subnet': {
      const s = index.subnetById.get(sel.id);
      return s ? { title: s.name ?? s.id, body: <SubnetDetail subnet={s} /> } : null;
    }
    case 'instance': {
      const i = index.instanceById.get(sel.id);
      return i ? { title: i.name ?? i.id, body: <InstanceDetail instance={i} /> } : null;
    }
    case 'eni': {
      const e = index.eniById.get(sel.id);
      return e ? { title: e.name ?? e.id, body: <EniDetail eni={e} /> } : null;
    }
    case 'ip': {
      const e = index.eniById.get(sel.eniId);
      const ip = e?.privateIps.find((p) => p.address === sel.address);
      return e && ip ? { title: ip.address, body: <IpDetail eni={e} ip={ip} /> } : null;
    }
    case 'eip': {
      const x = index.eipByAllocation.get(sel.id);
      return x ? { title: x.publicIp, body: <EipDetail eip={x} /> } : null;
    }
  }
}

export function DetailPanel({ selection, onClose }: { selection: Selection; onClose: () => void }) {
  const { index } = useTopology();
  const resolved = resolve(index, selection);
  const label = kindLabel[selection.kind];
  const tone = kindTone[selection.kind];
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
  }, [selection]);

  return (
    <div className="flex h-full flex-col">
      <header className="flex items-start gap-2 border-b border-line px-4 py-3">
        <div className="min-w-0 flex-1">
          <Badge tone={tone}>{label}</Badge>
          <h2 id="detail-title" className="mt-1 truncate font-mono text-sm font-semibold">
            {resolved?.title ?? ('id' in selection ? selection.id : selection.address)}
          </h2>
        </div>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label="Close details">
          <CloseIcon />
        </Button>
      </header>
      {resolved ? <ChangeToolbar selection={selection} /> : null}
      <div ref={bodyRef} className="min-h-0 flex-1 overflow-y-auto">
        {resolved ? (
          <>
            {resolved.body}
            <ResourceHistory resourceId={'id' in selection ? selection.id : selection.address} />
          </>
        ) : (
          <p className="p-4 text-xs text-muted">
            {selection.kind === 'ip'
              ? `${selection.address} is not assigned to any ENI in the latest snapshot: it was unassigned.`
              : 'This resource is not in the latest snapshot: it was deleted.'}
          </p>
        )}
      </div>
    </div>
  );
}

export function DetailPlaceholder() {
  return (
    <div className="flex h-full flex-col gap-6 overflow-y-auto p-5">
      <div>
        <p className="text-13 font-medium text-fg">Nothing selected</p>
        <p className="mt-1 text-xs text-muted">
          Select an instance, ENI, IP or Elastic IP to see every attribute, or press <Kbd>/</Kbd> to search by IP, id,
          MAC, Name or tag, security group, type or state.
        </p>
      </div>
      <div>
        <h2 className="mb-3 text-2xs font-semibold tracking-wider text-faint uppercase">Legend</h2>
        <Legend />
      </div>
    </div>
  );
}
