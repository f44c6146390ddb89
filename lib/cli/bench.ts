// `npm run bench`: the speed figures of issue 11 — server snapshot (time, EC2 calls) of `large` and `xlarge`
// beside the aws CLI reading the same describes, first paint, frames while dragging, search and the JS heap in
// Chromium, and drop → verified per move kind. Prints figures and the table against the targets; asserts nothing.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Snapshot } from '@/lib/topology';
import { countCalls } from '../ec2/call-counter';
import { createEc2Client } from '../ec2/client';
import { useXmlReader } from '../ec2/fast-xml';
import { loadSnapshot } from '../ec2/snapshot';
import { AWS_CLI, hasAws, runAws } from '../testing/aws-cli';
import type { Browser } from '@playwright/test';
import { dragFrames, firstPaint, jsHeapMb, launchChromium, searchMs, startConsole } from './bench-browser';
import { benchMoves, spawnEmulator } from './bench-moves';
import { benchFind } from './bench-find';
import { benchMoveTo } from './bench-move-to';
import { compactScrollFrames } from './bench-scroll';

const root = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Ports, so two benches (or a bench and the e2e suite) can run side by side. */
const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 4790);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3290);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${median(samples).toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (n=${sorted.length})`;
}

/** The table of issue 11: what, measured, target. */
const table: [string, string, string][] = [];
const row = (what: string, measured: string, target: string) => table.push([what, measured, target]);

async function benchSnapshot(
  url: string,
  label: string,
  runs: number,
): Promise<{ ms: number; calls: number; snapshot: Snapshot }> {
  const client = createEc2Client({ endpoint: url, region: 'us-east-1' });
  const times: number[] = [];
  let calls = 0;
  let snapshot: Snapshot | undefined;
  for (let i = 0; i < runs + 1; i++) {
    const counter = countCalls(client);
    const t0 = performance.now();
    snapshot = await loadSnapshot(client);
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // the first run warms up the SDK and the JIT
    calls = counter.count();
    counter.stop();
  }
  client.destroy();
  const s = snapshot!;
  const counts = `${s.instances.length} instances, ${s.enis.length} ENIs, ${s.enis.reduce((n, e) => n + e.privateIps.length, 0)} private IPs, ${s.eips.length} EIPs`;
  console.log(`snapshot load (server, ${label}: ${counts})`);
  console.log(`  EC2 calls per load: ${calls}`);
  console.log(`  load time: ${stats(times)}`);
  return { ms: median(times), calls, snapshot: s };
}

/** The same describes the snapshot loader sends, with the same page size, one after the other as a script would. */
async function benchAwsCli(url: string, snapshot: Snapshot): Promise<number | null> {
  if (!hasAws) {
    console.log(`aws CLI: skipped — no aws CLI at ${AWS_CLI} (apt-get install -y awscli, or set AWS_CLI_PATH)`);
    return null;
  }
  const paged = [
    'describe-vpcs',
    'describe-subnets',
    'describe-internet-gateways',
    'describe-security-groups',
    'describe-instances',
    'describe-network-interfaces',
    'describe-instance-status',
  ];
  const types = [...new Set(snapshot.instances.map((i) => i.type))].sort();
  const commands = [
    ...paged.map((c) => ['ec2', c, '--page-size', '1000']),
    ['ec2', 'describe-addresses'],
    ['ec2', 'describe-instance-types', '--instance-types', ...types],
  ];
  const t0 = performance.now();
  const each: string[] = [];
  for (const args of commands) {
    const t = performance.now();
    const r = await runAws(url, args);
    if (r.status !== 0) throw new Error(`aws ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
    each.push(`${args[1]} ${(performance.now() - t).toFixed(0)}`);
  }
  const ms = performance.now() - t0;
  console.log(
    `aws CLI reading the same ${commands.length} describes (page size 1000, one after the other): ${ms.toFixed(0)} ms`,
  );
  console.log(`  ${each.join(' ms, ')} ms`);
  return ms;
}

async function benchLarge(browserOnly: boolean): Promise<void> {
  const emulator = await spawnEmulator('large', EMULATOR_PORT);
  try {
    if (!browserOnly) {
      // Before and after fast-xml.ts in one run: the SDK's own XML reader, then ours (what the console uses).
      useXmlReader('sdk');
      const sdk = await benchSnapshot(emulator.url, "large, the SDK's XML reader", RUNS);
      useXmlReader('fast');
      const snap = await benchSnapshot(emulator.url, 'large', RUNS);
      row(
        'server snapshot, `large`',
        `${snap.ms.toFixed(0)} ms, ${snap.calls} EC2 calls (SDK's XML reader: ${sdk.ms.toFixed(0)} ms)`,
        '≤ 800 ms',
      );
      const cli = await benchAwsCli(emulator.url, snap.snapshot);
      // The console's figure of the same run, taken again right after the CLI so both see the same machine load.
      const again = await benchSnapshot(emulator.url, 'large, again after the aws CLI', 2);
      if (cli !== null) {
        const ratio = again.ms / cli;
        console.log(
          `  console snapshot ÷ aws CLI: ${again.ms.toFixed(0)} ms ÷ ${cli.toFixed(0)} ms = ${ratio.toFixed(2)}`,
        );
        row(
          'console snapshot ÷ aws CLI, same describes',
          `${again.ms.toFixed(0)} ÷ ${cli.toFixed(0)} ms = ${ratio.toFixed(2)}`,
          '≤ 0.2',
        );
      } else row('console snapshot ÷ aws CLI, same describes', 'no aws CLI', '≤ 0.2');
      await benchFind(emulator.url);
      benchMoveTo(snap.snapshot);
    }
    if (!built()) return;
    const app = await startConsole(emulator.url, APP_PORT);
    const browser = await launchChromium();
    try {
      const times: number[] = [];
      const pickUps: number[] = [];
      const longest: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const { ms, page } = await firstPaint(browser, app.base);
        if (i > 0) {
          times.push(ms);
          // One drag per page: a single pick-up is one frame, so the figure is the median over the pages.
          const drag = await dragFrames(page, 'large');
          if (drag.pickUpMs !== null) pickUps.push(drag.pickUpMs);
          longest.push(drag.longestMs);
          if (i === RUNS) for (const line of drag.lines) console.log(line);
        }
        await page.close();
      }
      const scroll = await compactScrollFrames(browser, app.base);
      for (const line of scroll.lines) console.log(line);
      row(
        'compact view of `large`, scrolling through: p95 / longest frame',
        `${scroll.p95Ms.toFixed(0)} / ${scroll.longestMs.toFixed(0)} ms`,
        'none set (16.7 ms = 60 fps)',
      );
      console.log(`first painted topology in Chromium (large, cold: navigation → topology visible): ${stats(times)}`);
      console.log(
        `pick-up frame over ${pickUps.length} drags: ${pickUps.length ? stats(pickUps) : 'not seen'}; longest frame after it: ${stats(longest)}`,
      );
      row('first paint, `large`, cold', `${median(times).toFixed(0)} ms`, '≤ 1,800 ms');
      app.child.kill('SIGTERM');
      const warm = await warmFirstPaints(browser, emulator.url, APP_PORT + 2, RUNS);
      console.log(
        `first painted topology in Chromium (large, warm: the server answers with its kept snapshot): ${stats(warm)}`,
      );
      row('first paint, `large`, warm', `${median(warm).toFixed(0)} ms`, '≤ 800 ms');
      row(
        'pick-up frame, `large` (median of drags)',
        pickUps.length ? `${median(pickUps).toFixed(0)} ms` : 'not seen',
        '≤ 33 ms',
      );
      row(
        'longest frame while dragging across `large` (median of drags)',
        `${median(longest).toFixed(0)} ms`,
        '≤ 50 ms',
      );
    } finally {
      await browser.close();
      app.child.kill('SIGTERM');
    }
  } finally {
    emulator.child.kill('SIGTERM');
  }
}

async function benchXlarge(): Promise<void> {
  const emulator = await spawnEmulator('xlarge', EMULATOR_PORT + 2);
  try {
    const runs = Math.max(1, Math.ceil(RUNS / 2));
    const snap = await benchSnapshot(emulator.url, 'xlarge', runs);
    row('`xlarge` cold server load', `${snap.ms.toFixed(0)} ms, ${snap.calls} EC2 calls`, '≤ 5,000 ms, ≤ 70 calls');
    if (!built()) return;
    const app = await startConsole(emulator.url, APP_PORT + 1);
    const browser = await launchChromium();
    try {
      const times: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const { ms, page } = await firstPaint(browser, app.base);
        if (i > 0) times.push(ms);
        if (i === runs) {
          console.log(`first painted topology in Chromium (xlarge, cold): ${stats(times)}`);
          row('`xlarge` first paint, cold', `${median(times).toFixed(0)} ms`, '(warm: ≤ 1,500 ms)');
          const heap = await jsHeapMb(page);
          console.log(`  browser JS heap after GC: ${heap.toFixed(0)} MB`);
          row('`xlarge` browser JS heap', `${heap.toFixed(0)} MB`, '≤ 400 MB');
          const last = snap.snapshot.enis[snap.snapshot.enis.length - 1]!;
          const query = last.privateIps[last.privateIps.length - 1]!.address;
          const searches: number[] = [];
          for (let s = 0; s < 4; s++) searches.push(await searchMs(page, query));
          console.log(
            `  search for ${query} → results painted: ${stats(searches.slice(1))} (first: ${searches[0]!.toFixed(0)} ms, builds the index)`,
          );
          const drag = await dragFrames(page, 'xlarge');
          for (const line of drag.lines) console.log(line);
          row(
            '`xlarge` search, pick-up',
            `${median(searches.slice(1)).toFixed(0)} ms (first ${searches[0]!.toFixed(0)} ms), ${drag.pickUpMs === null ? 'not seen' : `${drag.pickUpMs.toFixed(0)} ms`}`,
            '≤ 50 ms, ≤ 33 ms',
          );
        }
        await page.close();
      }
      app.child.kill('SIGTERM');
      const warm = await warmFirstPaints(browser, emulator.url, APP_PORT + 3, runs);
      console.log(`first painted topology in Chromium (xlarge, warm): ${stats(warm)}`);
      row('`xlarge` first paint, warm', `${median(warm).toFixed(0)} ms`, '≤ 1,500 ms');
    } finally {
      await browser.close();
      app.child.kill('SIGTERM');
    }
  } finally {
    emulator.child.kill('SIGTERM');
  }
}

/**
 * First paint when the server kept the snapshot (stale-while-revalidate): one cold visit fills its cache, then each
 * navigation is answered with the kept snapshot at once while the server reads the region again behind it.
 */
async function warmFirstPaints(browser: Browser, emulatorUrl: string, port: number, runs: number): Promise<number[]> {
  const app = await startConsole(emulatorUrl, port, true);
  const answer = async (query: string) => {
    const t0 = performance.now();
    const bytes = (await (await fetch(`${app.base}/api/topology${query}`)).arrayBuffer()).byteLength;
    return { ms: performance.now() - t0, mb: bytes / 1e6 };
  };
  try {
    // The server's part alone: a read of the region (fresh), then the kept snapshot answered at once (warm).
    const fresh = await answer('?fresh=1');
    const warm = await answer('');
    console.log(
      `GET /api/topology (${warm.mb.toFixed(1)} MB): fresh read ${fresh.ms.toFixed(0)} ms, warm answer ${warm.ms.toFixed(0)} ms`,
    );
    await answer('?fresh=1'); // lets the revalidation the warm answer started finish before the pages
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const { ms, page, followUp } = await firstPaint(browser, app.base, true);
      if (i > 0) times.push(ms);
      // Let the page's follow-up read of the fresh snapshot finish, so the next visit meets a quiet server (not
      // networkidle: it can come while the page still parses the warm answer, before that read has begun).
      await followUp;
      await page.close();
    }
    return times;
  } finally {
    app.child.kill('SIGTERM');
  }
}

function built(): boolean {
  if (existsSync(path.join(root, '.next/BUILD_ID'))) return true;
  console.log('Chromium figures: skipped — run `npm run build` first (the bench measures the production build).');
  return false;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY; // large | drag (large in Chromium only) | xlarge | moves: one part, for a quicker look
  if (!only || only === 'large' || only === 'drag') await benchLarge(only === 'drag');
  if (!only || only === 'xlarge') await benchXlarge();
  if (table.length > 0) {
    // The machine's load says how far these figures are from a quiet machine's.
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(', ');
    console.log(
      `\nissue 11, speed (2 cores shared by the console server, the emulator and Chromium; load average now ${load})`,
    );
    console.log('| what | measured | target |\n|---|---|---|');
    for (const [what, measured, target] of table) console.log(`| ${what} | ${measured} | ${target} |`);
    console.log('');
  }
  if (!only || only === 'moves') await benchMoves.dropToVerified(EMULATOR_PORT + 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
