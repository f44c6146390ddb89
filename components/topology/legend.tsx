// A key to the canvas's symbols, shown where details appear while nothing is selected.
import type { ReactNode } from 'react';
import { GlobeIcon, LockIcon } from '@/components/ui/icons';
import { Badge } from '@/components/ui/badge';

function Item({ sample, children }: { sample: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-3">
      <span className="flex w-28 shrink-0 justify-start">{sample}</span>
      <span className="text-xs text-muted">{children}</span>
    </li>
  );
}

const chip = 'flex h-6 items-center gap-1 rounded-md border border-line-strong bg-surface px-1.5 font-mono text-2xs';

export function Legend() {
  return (
    <ul className="flex flex-col gap-2.5" aria-label="Legend">
      <Item
        sample={
          <span className="inline-flex items-center gap-0.5 rounded bg-eni-soft px-1 font-mono text-2xs font-semibold text-eni">
            <LockIcon className="size-2.5" />
            eth0
          </span>
        }
      >
        Primary ENI: never detaches
      </Item>
      <Item
        sample={
          <span className={chip}>
            <LockIcon className="size-3 text-faint" />
            10.0.1.10
          </span>
        }
      >
        Primary private IP: stays on its ENI
      </Item>
      <Item sample={<span className={chip}>10.0.1.11</span>}>Secondary private IP: can move in its subnet</Item>
      <Item
        sample={
          <span className="flex h-6 items-center gap-1 rounded-md bg-eip-soft px-1.5 font-mono text-2xs text-eip">
            <b className="font-sans text-[9px]">EIP</b>54.0.0.1
          </span>
        }
      >
        Elastic IP on the private IP it maps to
      </Item>
      <Item
        sample={
          <span className="flex h-6 items-center gap-1 rounded-md bg-public-soft px-1.5 font-mono text-2xs text-public">
            <GlobeIcon className="size-3" />
            3.80.0.10
          </span>
        }
      >
        Amazon-assigned public IP: lost on stop
      </Item>
      <Item sample={<span className="h-6 w-7 rounded-md border border-dashed border-line-strong" />}>
        Free IP slot (type limit)
      </Item>
      <Item
        sample={
          <span className="flex h-6 items-center rounded-md border border-dashed border-line-strong px-2 text-2xs text-faint">
            <b className="mr-1 font-mono text-muted">eth2</b>free slot
          </span>
        }
      >
        Free ENI slot
      </Item>
      <Item sample={<Badge tone="warn">src/dst check off</Badge>}>Appliance ENI (NAT, firewall)</Item>
    </ul>
  );
}
