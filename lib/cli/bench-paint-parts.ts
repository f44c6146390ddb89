// Part of `npm run bench:warm-paint`: what the page does with a GET /api/topology body before it paints (JSON parse,
// zod, the view's index, its rows), timed here in V8 on the body of the URL given. Runs without the react-server
// condition (the browser's modules), so bench-warm-paint.ts spawns it.
import { z } from 'zod';
import { buildRows } from '@/components/topology/model/rows';
import { buildTopologyIndex } from '@/components/topology/model/topology-index';
import { parseTopologyResponse } from '@/lib/queries/topology';

// As in the page (app/providers.tsx): its CSP allows no eval, so zod validates without its compiled fast path.
z.config({ jitless: true });

/** Runs `fn` `n` times and gives its median duration in ms. */
function medianMs(n: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('Usage: tsx lib/cli/bench-paint-parts.ts http://127.0.0.1:PORT/api/topology');
  const text = await (await fetch(url)).text();
  const json = JSON.parse(text) as unknown;
  const data = parseTopologyResponse(200, json);
  const index = buildTopologyIndex(data);
  const parts = {
    'JSON.parse': medianMs(3, () => JSON.parse(text)),
    'zod (parseTopologyResponse)': medianMs(3, () => parseTopologyResponse(200, json)),
    buildTopologyIndex: medianMs(3, () => buildTopologyIndex(data)),
    'buildRows (default view)': medianMs(3, () => buildRows(index, {})),
  };
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  for (const [what, ms] of Object.entries(parts)) console.log(`  in V8 (${mb} MB body): ${what} ${ms.toFixed(0)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
