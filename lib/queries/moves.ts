// Cache edits of the apply mutation: the optimistic topology (applyMove) and the verified result merged in.
import { applyMoves, type Move, type Verified } from '@/lib/topology';
import type { TopologyData } from './topology';

export const applyMutationKey = ['apply-move'] as const;

/**
 * The topology as it will look once the moves settle, keeping the settings part of the cached data. Returns
 * null when the cache cannot show them (a move names something it lacks): the view then waits for EC2.
 */
export function optimisticTopology(data: TopologyData, moves: readonly Move[]): TopologyData | null {
  try {
    return { ...applyMoves(data, moves), settings: data.settings };
  } catch {
    return null;
  }
}

function replaceAll<T>(list: T[], fresh: readonly T[], key: (t: T) => string): T[] {
  if (fresh.length === 0) return list;
  const byKey = new Map(fresh.map((f) => [key(f), f]));
  const seen = new Set<string>();
  const out = list.map((item) => {
    const k = key(item);
    const f = byKey.get(k);
    if (!f) return item;
    seen.add(k);
    return f;
  });
  for (const [k, f] of byKey) if (!seen.has(k)) out.push(f);
  return out;
}

/**
 * Replaces the involved ENIs, instances and EIPs with what EC2 reported after the move: real attachment and
 * association ids instead of the optimistic placeholders, before the full refetch lands.
 */
export function mergeVerified(data: TopologyData, verified: Verified): TopologyData {
  return {
    ...data,
    enis: replaceAll(data.enis, verified.enis, (e) => e.id),
    instances: replaceAll(data.instances, verified.instances, (i) => i.id),
    eips: replaceAll(data.eips, verified.eips, (e) => e.allocationId),
  };
}
