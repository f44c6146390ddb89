// `npm run bench`, finding on `large`: the search index's first build, then each search and each filter (the
// work a keystroke or a filter change does in the browser, measured here in Node on the same snapshot).
import { buildRows } from '../../components/topology/model/rows';
import { matchingInstances, noFilters, type Filters } from '../../components/topology/model/filters';
import { buildSearchIndex, search } from '../../components/topology/model/search';
import { buildTopologyIndex } from '../../components/topology/model/topology-index';
import { createEc2Client } from '../ec2/client';
import { loadSnapshot } from '../ec2/snapshot';

function time(fn: () => unknown, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    fn();
    if (i > 0) out.push(performance.now() - t0); // the first run warms the JIT
  }
  return out;
}

const p = (samples: number[], q: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
const line = (samples: number[]) => `p50 ${p(samples, 0.5).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`;

export async function benchFind(emulatorUrl: string): Promise<void> {
  const client = createEc2Client({ endpoint: emulatorUrl, region: 'us-east-1' });
  const snapshot = await loadSnapshot(client);
  client.destroy();
  const t0 = performance.now();
  const index = buildTopologyIndex(snapshot);
  const t1 = performance.now();
  const entries = buildSearchIndex(index);
  const t2 = performance.now();
  console.log(`search and filters (large, ${entries.length} search entries; Node, same code as the browser)`);
  console.log(`  topology index: ${(t1 - t0).toFixed(0)} ms; search index, first build: ${(t2 - t1).toFixed(0)} ms`);

  const eni = snapshot.enis.find((e) => e.macAddress && e.attachment?.instanceId);
  const queries = [
    '10.0.80.140',
    '10.0.',
    eni?.macAddress ?? '0e:00',
    'node-1234',
    'stopped',
    'm5.large',
    eni?.privateDnsName ?? 'ip-10',
    'zzz-no-match',
  ];
  const searches = queries.map((q) => ({ q, ms: time(() => search(entries, q), 20) }));
  for (const { q, ms } of searches)
    console.log(`  search ${JSON.stringify(q).padEnd(32)} ${line(ms)}   (target < 50 ms)`);

  const inst = snapshot.instances[0]!;
  const tag = Object.entries(inst.tags).find(([k]) => k !== 'Name');
  const filters: [string, Partial<Filters>][] = [
    ['state=stopped', { state: 'stopped' }],
    [`az=${inst.az}`, { az: inst.az }],
    ['free ENI slots', { freeEniSlots: true }],
    ['idle EIPs', { idleEips: true }],
    [tag ? `tag ${tag[0]}=${tag[1]}` : 'type', tag ? { tag: `${tag[0]}=${tag[1]}` } : { type: inst.type }],
    ['state=running + free slots + type', { state: 'running', freeEniSlots: true, type: inst.type }],
  ];
  for (const [name, f] of filters) {
    const all = { ...noFilters, ...f };
    const ms = time(() => buildRows(index, {}, all), 20);
    const n = matchingInstances(index, all)?.size ?? 0;
    console.log(`  filter ${name.padEnd(34)} ${line(ms)}   (${n} instances; rows rebuilt; target < 50 ms)`);
  }
}
