// `npm run bench:warm-paint`: where the warm first paint of issue 11 goes (BENCH_SCENARIO, default `xlarge`). Server:
// the warm GET /api/topology's first and last byte, gzip-encoded as a browser asks and plain, with the background
// revalidation running and without it. Browser: the page's own timeline (navigation → answer → topology painted)
// and, in this process on the same body, what the page does with it: JSON parse, zod, index, rows.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, startConsole } from './bench-browser';
import { spawnEmulator } from './bench-moves';
import { topFrames } from './profile-frames';

const root = path.resolve(__dirname, '../..');

type Timing = { firstByteMs: number; lastByteMs: number; bytes: number };

/** One GET, timed to its first and last byte; `gzip`: asks for it as a browser does. */
export function timedGet(url: string, gzip: boolean): Promise<Timing & { body: Buffer }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers = { 'accept-encoding': gzip ? 'gzip, deflate, br, zstd' : 'identity' };
    request(url, { headers }, (res) => {
      let firstByteMs = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        if (!firstByteMs) firstByteMs = performance.now() - t0;
        chunks.push(c);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ firstByteMs, lastByteMs: performance.now() - t0, bytes: body.byteLength, body });
      });
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const fmt = (t: Timing) =>
  `first byte ${t.firstByteMs.toFixed(0)} ms, last byte ${t.lastByteMs.toFixed(0)} ms (${(t.bytes / 1e6).toFixed(1)} MB)`;

/** The page's own view of its first paint: when the answer's bytes came, and when the topology was on screen. */
async function pageTimeline(
  page: Page,
  base: string,
  warm: boolean,
): Promise<{ t: Record<string, number>; followUp: Promise<unknown> }> {
  // A page answered with a kept snapshot being revalidated asks for the newer one: the next visit waits for it.
  const followUp = warm
    ? page.waitForResponse((r) => r.url().includes('fresh=1'), { timeout: 120_000 })
    : Promise.resolve();
  // The frame that first shows the topology, seen from inside the page: the task after its requestAnimationFrame
  // runs once that frame is rendered, before any idle callback (the bench's two frames also wait for those).
  await page.addInitScript(`new MutationObserver((_, seen) => {
    if (!document.querySelector('[data-testid="topology"]')) return;
    seen.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__shown = performance.now(); };
      channel.port2.postMessage(0);
    });
  }).observe(document, { childList: true, subtree: true })`);
  await page.goto(base, { timeout: 120_000 });
  await page.getByTestId('topology').waitFor({ state: 'visible', timeout: 120_000 });
  const t = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const painted = performance.now();
            const api = performance
              .getEntriesByType('resource')
              .find((e) => e.name.includes('/api/topology')) as PerformanceResourceTiming;
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            resolve({
              htmlDone: nav.responseEnd,
              apiRequest: api.requestStart,
              apiFirstByte: api.responseStart,
              apiLastByte: api.responseEnd,
              shown: (window as { __shown?: number }).__shown ?? NaN,
              painted,
            });
          }),
        ),
      ),
  );
  return { t, followUp };
}

async function main(): Promise<void> {
  const scenario = process.env.BENCH_SCENARIO ?? 'xlarge';
  const port = Number(process.env.BENCH_PORT ?? 3290) + 5;
  const emulator = await spawnEmulator(scenario, Number(process.env.BENCH_EMULATOR_PORT ?? 4790) + 5);
  try {
    // Warm, revalidating behind every read (as `npm run bench` measures), then warm without revalidation.
    for (const [label, env] of [
      ['revalidating behind the answer', {}],
      ['no revalidation (reuse window)', { ENI_CONSOLE_SNAPSHOT_REUSE_MS: String(15 * 60_000) }],
    ] as const) {
      const app = await startConsole(emulator.url, port, true, env);
      try {
        const api = `${app.base}/api/topology`;
        const fresh = await timedGet(`${api}?fresh=1`, true);
        console.log(`[${scenario}] fresh read: ${fmt(fresh)}`);
        for (const gzip of [true, false]) {
          const warm = await timedGet(api, gzip);
          console.log(`[${scenario}, ${label}] warm answer ${gzip ? 'gzip' : 'plain'}: ${fmt(warm)}`);
          await timedGet(`${api}?fresh=1`, true); // the revalidation it started ends before the next
        }
        const first = label === 'revalidating behind the answer'; // the profile and the V8 parts once
        const browser = await launchChromium();
        try {
          for (let i = 0; i < 3; i++) {
            const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
            const { t, followUp } = await pageTimeline(page, app.base, first);
            console.log(
              `[${scenario}, ${label}] page: html ${t.htmlDone!.toFixed(0)}, api request ${t.apiRequest!.toFixed(0)}, first byte ${t.apiFirstByte!.toFixed(0)}, last byte ${t.apiLastByte!.toFixed(0)}, shown ${t.shown!.toFixed(0)}, two frames later ${t.painted!.toFixed(0)} ms (shown after last byte: ${(t.shown! - t.apiLastByte!).toFixed(0)} ms)`,
            );
            await followUp;
            await page.close();
          }
          // Where the page's main thread goes: a CPU profile of one more visit, its top functions by self time.
          if (!first) continue;
          const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
          await cdp.send('Profiler.start');
          const { followUp } = await pageTimeline(page, app.base, first);
          const { profile } = await cdp.send('Profiler.stop');
          const file = path.join(tmpdir(), `warm-paint-${scenario}.cpuprofile`);
          writeFileSync(file, JSON.stringify(profile));
          console.log(`[${scenario}] page main thread, top functions by self time (${file}):`);
          for (const line of topFrames(profile, Number(process.env.BENCH_TOP ?? 20))) console.log(`  ${line}`);
          await followUp;
          await page.close();
        } finally {
          await browser.close();
        }
        if (!first) continue;
        // What the page does with the body, in V8 too (its own process: the browser's modules, no react-server).
        await new Promise<void>((resolve, reject) =>
          spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'lib/cli/bench-paint-parts.ts'), api], {
            cwd: root,
            stdio: 'inherit',
          }).on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`bench-paint-parts exited with ${code}`)),
          ),
        );
        await timedGet(`${api}?fresh=1`, true);
      } finally {
        app.child.kill('SIGTERM');
      }
    }
  } finally {
    emulator.child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
