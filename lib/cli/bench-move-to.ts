// `npm run bench`, Move to… on `large`: each keystroke's work in the picker — the destinations matching the query
// (every ENI, instance or private IP of the region), then the checker on the rows it renders. Node, same code as
// the browser.
import { checkMove, type Snapshot } from '@/lib/topology';
import {
  destinationsOf,
  findCandidates,
  MOVE_TO_ROWS,
  sourceOfSelection,
} from '../../components/topology/move-to/candidates';
import { buildTopologyIndex } from '../../components/topology/model/topology-index';

const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export function benchMoveTo(snapshot: Snapshot): void {
  const index = buildTopologyIndex(snapshot);
  const eni = snapshot.enis.find((e) => (e.attachment?.deviceIndex ?? 0) > 0 && e.attachment?.instanceId);
  const ipEni = snapshot.enis.find((e) => e.privateIps.some((x) => !x.primary));
  const eip = snapshot.eips.find((e) => e.eniId);
  const far = snapshot.instances[snapshot.instances.length - 1]!;
  const sources = [
    eni && { what: 'ENI', sel: { kind: 'eni' as const, id: eni.id } },
    ipEni && {
      what: 'secondary IP',
      sel: { kind: 'ip' as const, eniId: ipEni.id, address: ipEni.privateIps.find((x) => !x.primary)!.address },
    },
    eip && { what: 'Elastic IP', sel: { kind: 'eip' as const, id: eip.allocationId } },
  ].filter((s) => !!s);
  const t0 = performance.now();
  destinationsOf(index);
  console.log(`Move to… (large; destinations built once per snapshot: ${(performance.now() - t0).toFixed(0)} ms)`);
  for (const { what, sel } of sources) {
    const r = sourceOfSelection(index, sel);
    if (!r.ok) continue;
    const queries = ['', far.name ?? far.id, far.id, far.privateIp ?? '10.0.', 'node-1', '10.0.'];
    const times: number[] = [];
    for (let run = 0; run < 6; run++)
      for (const q of queries) {
        // Each prefix of the query, as typed key by key.
        for (let n = q ? 1 : 0; n <= q.length; n++) {
          const t = performance.now();
          const { candidates } = findCandidates(index, r.source, q.slice(0, n), MOVE_TO_ROWS);
          for (const c of candidates) checkMove(snapshot, c.move);
          if (run > 0) times.push(performance.now() - t);
        }
      }
    console.log(
      `  ${what.padEnd(13)} keystroke → ${MOVE_TO_ROWS} rows matched and checked: p50 ${p(times, 0.5).toFixed(1)} ms, p95 ${p(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (n=${times.length}; target < 50 ms)`,
    );
  }
}
