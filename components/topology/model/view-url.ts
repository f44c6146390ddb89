// The view in the URL: filters, search, selection and the groups opened or closed by hand, so that a copied link
// opens the same view and back/forward walk through selections. Parsing is forgiving: a bad value is dropped.
import { z } from 'zod';
import { instanceStateSchema } from '@/lib/topology/schema';
import { noFilters, type Filters } from './filters';
import type { Expansion } from './rows';
import type { Selection } from './selection';

/** compact: one line per instance (the density for large accounts). */
export type ViewState = {
  filters: Filters;
  query: string;
  selection: Selection | null;
  expansion: Expansion;
  compact: boolean;
};

export const emptyView: ViewState = { filters: noFilters, query: '', selection: null, expansion: {}, compact: false };

const idKinds = ['vpc', 'subnet', 'instance', 'eni', 'eip'] as const;
const text = z.string().trim().min(1).max(200);

export function encodeSelection(sel: Selection): string {
  return sel.kind === 'ip' ? `ip:${sel.eniId}:${sel.address}` : `${sel.kind}:${sel.id}`;
}

export function decodeSelection(raw: string | null): Selection | null {
  if (!raw) return null;
  const [kind, a, b] = raw.split(':');
  if (kind === 'ip' && a && b && /^\d{1,3}(\.\d{1,3}){3}$/.test(b)) return { kind: 'ip', eniId: a, address: b };
  const idKind = idKinds.find((k) => k === kind);
  return idKind && a && /^[a-z]+-[0-9a-z]+$/i.test(a) ? { kind: idKind, id: a } : null;
}

/** The query string of a view (without '?'), parameters in a fixed order so equal views give equal URLs. */
export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  const f = v.filters;
  if (v.query.trim()) p.set('q', v.query.trim());
  for (const key of ['vpc', 'az', 'subnet', 'state', 'type', 'tag'] as const) {
    const value = f[key];
    if (value) p.set(key, value);
  }
  if (f.freeEniSlots) p.set('free', '1');
  if (f.idleEips) p.set('idle', '1');
  if (v.compact) p.set('density', 'compact');
  if (v.selection) p.set('sel', encodeSelection(v.selection));
  const keys = Object.keys(v.expansion).sort();
  const open = keys.filter((k) => v.expansion[k] === true);
  const closed = keys.filter((k) => v.expansion[k] === false);
  if (open.length) p.set('open', open.join(','));
  if (closed.length) p.set('closed', closed.join(','));
  return p.toString();
}

const groupKey = /^(vpc:[\w-]+|az:[\w-]+:[\w-]+|subnet:[\w-]+)$/;

export function decodeView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const str = (key: string) => {
    const r = text.safeParse(p.get(key));
    return r.success ? r.data : null;
  };
  const state = instanceStateSchema.safeParse(p.get('state'));
  const expansion: Record<string, boolean> = {};
  for (const [param, open] of [
    ['open', true],
    ['closed', false],
  ] as const) {
    for (const key of (p.get(param) ?? '').split(',')) if (groupKey.test(key)) expansion[key] = open;
  }
  return {
    query: str('q') ?? '',
    filters: {
      vpc: str('vpc'),
      az: str('az'),
      subnet: str('subnet'),
      state: state.success ? state.data : null,
      type: str('type'),
      tag: str('tag'),
      freeEniSlots: p.get('free') === '1',
      idleEips: p.get('idle') === '1',
    },
    selection: decodeSelection(p.get('sel')),
    expansion,
    compact: p.get('density') === 'compact',
  };
}
