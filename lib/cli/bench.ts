// `npm run bench`: figures for the `large` scenario — snapshot load (time and EC2 calls) on the server, and
// time to the first painted topology in Chromium. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { createEc2Client, countCalls } from '../ec2/client';
import { loadSnapshot } from '../ec2/snapshot';
import { benchMoves, spawnEmulator } from './bench-moves';

const root = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${pick(0.5).toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (n=${sorted.length})`;
}

async function benchSnapshot(url: string): Promise<void> {
  const client = createEc2Client({ endpoint: url, region: 'us-east-1' });
  const times: number[] = [];
  let calls = 0;
  let counts = '';
  for (let i = 0; i < RUNS + 1; i++) {
    const counter = countCalls(client);
    const t0 = performance.now();
    const snapshot = await loadSnapshot(client);
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // the first run warms up the SDK and the JIT
    calls = counter.count();
    counter.stop();
    counts = `${snapshot.instances.length} instances, ${snapshot.enis.length} ENIs, ${snapshot.enis.reduce((n, e) => n + e.privateIps.length, 0)} private IPs, ${snapshot.eips.length} EIPs`;
  }
  console.log(`snapshot load (server, large: ${counts})`);
  console.log(`  EC2 calls per load: ${calls}   (target ≤ 20)`);
  console.log(`  load time: ${stats(times)}   (target < 1500 ms)`);
  client.destroy();
}

async function benchFirstPaint(emulatorUrl: string): Promise<void> {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    console.log('first paint: skipped — run `npm run build` first (the bench measures the production build).');
    return;
  }
  const port = 3290;
  const app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, AWS_ENDPOINT_URL_EC2: emulatorUrl, AWS_REGION: 'us-east-1' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(base);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const t0 = Date.now();
      await page.goto(base);
      await page.getByTestId('topology').waitFor({ state: 'visible', timeout: 60_000 });
      // Wait for the browser to actually paint the frame that shows it.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (i > 0) times.push(Date.now() - t0);
      await page.close();
    }
    console.log('first painted topology in Chromium (large, production build, navigation → topology visible)');
    console.log(`  ${stats(times)}   (target < 2000 ms)`);
  } finally {
    await browser.close();
    app.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const emulator = await spawnEmulator('large', 4790);
  try {
    await benchSnapshot(emulator.url);
    await benchFirstPaint(emulator.url);
  } finally {
    emulator.child.kill('SIGTERM');
  }
  await benchMoves.dropToVerified();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
