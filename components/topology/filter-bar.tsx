'use client';
// The filter bar above the canvas: where (VPC, AZ, subnet), what (state, type, a tag) and room or waste (free ENI
// slots, idle Elastic IPs). Each option counts the instances it would show under the other filters.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { formatCost } from '@/lib/topology';
import { Button } from '@/components/ui/button';
import { FilterIcon } from '@/components/ui/icons';
import { facetCounts, INSTANCE_STATES, isFiltering, noFilters, type Facet, type Filters } from './model/filters';
import { formatCount } from './model/format';
import type { PublicIpv4Summary } from './model/public-ips';
import { downloadJson, exportSnapshot } from './model/export';
import { Badge } from '@/components/ui/badge';
import { useTopology } from './topology-context';
import { ExportImageButtons } from './export-image';

type Props = {
  filters: Filters;
  onChange: (f: Filters) => void;
  shown: number;
  total: number;
  publicIps: PublicIpv4Summary;
};

type Option = { value: string; label: string };

export function FilterBar({ filters, onChange, shown, total, publicIps }: Props) {
  const { index } = useTopology();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const options = useMemo(() => {
    const count = (facet: Facet) => facetCounts(index, filters, facet);
    const vpcs = count('vpc');
    const azs = count('az');
    const subnets = count('subnet');
    const states = count('state');
    const types = count('type');
    const azNames = [...new Set(index.snapshot.subnets.map((s) => s.az))].sort();
    const subnetList = [...index.snapshot.subnets]
      .filter((s) => (filters.vpc === null || s.vpcId === filters.vpc) && (filters.az === null || s.az === filters.az))
      .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'en', { numeric: true }));
    const n = (m: Map<string, number>, k: string) => ` (${formatCount(m.get(k) ?? 0)})`;
    return {
      vpc: index.vpcs.map<Option>((v) => ({ value: v.id, label: `${v.name ?? v.id}${n(vpcs, v.id)}` })),
      az: azNames.map<Option>((az) => ({ value: az, label: `${az}${n(azs, az)}` })),
      subnet: subnetList.map<Option>((s) => ({ value: s.id, label: `${s.name ?? s.id} ${s.cidr}${n(subnets, s.id)}` })),
      state: INSTANCE_STATES.filter((s) => states.has(s) || s === filters.state).map<Option>((s) => ({
        value: s,
        label: `${s}${n(states, s)}`,
      })),
      type: Object.keys(index.snapshot.instanceTypes)
        .concat(index.snapshot.instances.map((i) => i.type))
        .filter((t, i, all) => all.indexOf(t) === i)
        .sort()
        .map<Option>((t) => ({ value: t, label: `${t}${n(types, t)}` })),
    };
  }, [index, filters]);

  const active = isFiltering(filters);
  return (
    <div
      role="group"
      aria-label="Filters"
      data-testid="filter-bar"
      className="flex flex-wrap items-center gap-x-2 gap-y-1.5 border-b border-line bg-surface px-4 py-1.5"
    >
      <FilterIcon className="size-3.5 text-faint" />
      <Select
        label="VPC"
        any="any VPC"
        value={filters.vpc}
        options={options.vpc}
        onChange={(vpc) => set({ vpc, subnet: null })}
      />
      <Select
        label="AZ"
        any="any AZ"
        value={filters.az}
        options={options.az}
        onChange={(az) => set({ az, subnet: null })}
      />
      <Select
        label="Subnet"
        any="any subnet"
        wide
        value={filters.subnet}
        options={options.subnet}
        onChange={(subnet) => set({ subnet })}
      />
      <Select
        label="State"
        any="any state"
        value={filters.state}
        options={options.state}
        onChange={(state) => set({ state: state as Filters['state'] })}
      />
      <Select
        label="Type"
        any="any type"
        value={filters.type}
        options={options.type}
        onChange={(type) => set({ type })}
      />
      <TagInput value={filters.tag} onChange={(tag) => set({ tag })} />
      <Toggle
        checked={filters.freeEniSlots}
        onChange={(freeEniSlots) => set({ freeEniSlots })}
        testId="filter-free-eni"
      >
        free ENI slot
      </Toggle>
      <Toggle
        checked={filters.idleEips}
        onChange={(idleEips) => set({ idleEips })}
        testId="filter-idle-eips"
        title="Elastic IPs on an instance that is not running: billed, serving nothing"
      >
        idle EIPs
      </Toggle>
      <span
        className="ml-auto flex items-center gap-2 text-xs text-muted"
        aria-live="polite"
        data-testid="filter-count"
      >
        {active ? (
          <>
            <span>
              <span className="font-mono text-fg">{formatCount(shown)}</span> of {formatCount(total)} instances
            </span>
            <Button variant="ghost" size="sm" onClick={() => onChange(noFilters)}>
              Clear filters
            </Button>
          </>
        ) : (
          <span>{formatCount(total)} instances</span>
        )}
        <span
          data-testid="public-ipv4-cost"
          className="flex items-center gap-1.5 border-l border-line pl-2"
          title={`Public IPv4 in view: ${publicIps.elastic} Elastic, ${publicIps.amazon} Amazon-assigned. Each is billed per hour, in use or idle (since February 2024).`}
        >
          <span>
            <span className="font-mono text-fg">{formatCount(publicIps.total)}</span> public IPv4 ·{' '}
            <span className="font-mono text-fg">{formatCost(publicIps.hourlyUsd)}</span>
          </span>
          {publicIps.idle ? (
            <Badge
              tone="warn"
              title="Elastic IPs not associated, or on an instance that is not running: billed, serving nothing"
            >
              {publicIps.idle} idle
            </Badge>
          ) : null}
        </span>
        <Button
          variant="ghost"
          size="sm"
          data-testid="export-json"
          title={
            active ? 'Download the part of the snapshot the filters show, as JSON' : 'Download the snapshot as JSON'
          }
          onClick={() => downloadJson(exportSnapshot(index, filters), active)}
        >
          Export JSON
        </Button>
        <ExportImageButtons filters={filters} />
      </span>
    </div>
  );
}

/** The label is the first option ("any AZ"): a row of filters stays one line on a laptop screen. */
function Select({
  label,
  any,
  value,
  options,
  onChange,
  wide = false,
}: {
  label: string;
  any: string;
  value: string | null;
  options: Option[];
  onChange: (v: string | null) => void;
  wide?: boolean;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      data-testid={`filter-${label.toLowerCase()}`}
      onChange={(e) => onChange(e.target.value || null)}
      className={cn(
        'h-7 rounded-md border bg-surface px-1.5 text-xs',
        wide ? 'w-40' : 'w-28',
        value ? 'border-accent font-medium text-fg' : 'border-line-strong text-muted',
      )}
    >
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** key=value, applied as typed once the typing pauses (and at once on Enter). */
function TagInput({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const next = text.trim() || null;
    if (next === value) return;
    const t = setTimeout(() => onChange(next), 300);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return (
    <input
      type="text"
      aria-label="Tag (key=value, or key)"
      value={text}
      data-testid="filter-tag"
      placeholder="tag key=value"
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text.trim() || null);
      }}
      className={cn(
        'h-7 w-28 rounded-md border bg-surface px-1.5 font-mono text-xs text-fg placeholder:font-sans placeholder:text-faint',
        value ? 'border-accent' : 'border-line-strong',
      )}
    />
  );
}

function Toggle({
  checked,
  onChange,
  children,
  testId,
  title,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  children: ReactNode;
  testId: string;
  title?: string;
}) {
  return (
    <label
      title={title}
      className={cn(
        'flex h-7 cursor-pointer items-center gap-1.5 rounded-md border px-2 text-xs',
        checked ? 'border-accent bg-accent-soft font-medium text-fg' : 'border-line-strong text-muted hover:bg-subtle',
      )}
    >
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
        className="accent-accent"
      />
      {children}
    </label>
  );
}
