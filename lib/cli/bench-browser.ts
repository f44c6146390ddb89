// Bench figures measured in Chromium against the production build: first paint, frames while dragging (the
// pick-up frame and the longest one), search time and the JS heap. Prints nothing itself; returns figures.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { untilAnswering } from './child-ready';

const root = path.resolve(__dirname, '../..');

type Console = { base: string; child: ChildProcess };

/** `next start` of the production build, against one emulator; `warm`: the server answers with the snapshot it kept. */
export async function startConsole(
  emulatorUrl: string,
  port: number,
  warm = false,
  env: Record<string, string> = {},
): Promise<Console> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      // Demo mode: the bench's browser reads as the demo operator (the request boundary needs an identity); every
      // navigation reads the region afresh, as a first visit does (no reuse of a snapshot younger than 2 s).
      env: {
        ...process.env,
        AWS_ENDPOINT_URL_EC2: emulatorUrl,
        AWS_REGION: 'us-east-1',
        ENI_CONSOLE_DEMO: '1',
        PORT: String(port),
        ENI_CONSOLE_SNAPSHOT_REUSE_MS: '0',
        ENI_CONSOLE_SNAPSHOT_WARM_MS: warm ? String(15 * 60_000) : '0',
        ...env,
      },
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await untilAnswering(child, 'next start', base, async () => (await fetch(base), true));
  return { base, child };
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });

const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Navigation → the topology painted, in a fresh page (no HTTP cache shared with earlier pages' data: a cold load). */
export async function firstPaint(
  browser: Browser,
  base: string,
  warm = false,
): Promise<{ ms: number; page: Page; followUp: Promise<unknown> }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // warm: the page answered with a kept snapshot asks for the newer one; followUp is that read's answer.
  const followUp = warm
    ? page.waitForResponse((r) => r.url().includes('/api/topology') && r.url().includes('fresh=1'), {
        timeout: 120_000,
      })
    : Promise.resolve();
  const t0 = Date.now();
  await page.goto(base, { timeout: 120_000 }); // a loaded machine can take longer than Playwright's 30 s
  await page.getByTestId('topology').waitFor({ state: 'visible', timeout: 120_000 });
  await twoFrames(page); // the browser actually painted the frame that shows it
  return { ms: Date.now() - t0, page, followUp };
}

/** The page's JS heap after a forced garbage collection (what the data and the view keep alive), in MB. */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Keystroke (the whole query put into the search box at once) → its results painted, in ms. */
export async function searchMs(page: Page, query: string): Promise<number> {
  const input = page.getByTestId('search-input');
  await input.click();
  await input.fill('');
  await twoFrames(page);
  const ms = await page.evaluate(`new Promise((resolve) => {
    const input = document.querySelector('[data-testid="search-input"]');
    const query = ${JSON.stringify(query)};
    const done = () => {
      const list = document.querySelector('[data-testid="search-results"]');
      return list && list.textContent.includes(query);
    };
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (!done()) return;
      seen.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    set.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })`);
  await page.keyboard.press('Escape');
  return ms as number;
}

type FrameWindow = {
  __frames?: { interval: number[]; work: number[]; at: number[] };
  __framesRun?: boolean;
  __pickUp?: number;
};

type DragFigures = { pickUpMs: number | null; longestMs: number; lines: string[] };

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
}

/**
 * Frame times while a secondary IP is dragged across the view: 80 pointer moves over about 2 s, zig-zagging
 * over the canvas so the drag crosses many drop targets (each one checked by the rules). A requestAnimationFrame
 * loop in the page records the interval between frames, and the work of each frame (from its rAF callback to a
 * message posted from it, which runs once the frame is rendered). Every subnet is expanded first.
 */
export async function dragFrames(page: Page, label: string): Promise<DragFigures> {
  await page.getByRole('button', { name: 'Expand all' }).click();
  const handle = page
    .locator('[data-testid^="ip-"]:not([data-testid^="ip-slot"])[data-state="occupied"] > button')
    .first();
  await handle.waitFor({ state: 'visible', timeout: 60_000 });
  await twoFrames(page);
  const from = (await handle.boundingBox())!;
  const canvas = (await page.getByTestId('topology').boundingBox())!;
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  await page.evaluate(`(() => {
    const frames = { interval: [], work: [], at: [] };
    window.__frames = frames;
    window.__framesRun = true;
    window.__pickUp = undefined;
    // The pick-up: when the drag preview (rendered by the drag-start commit) first appears in the page.
    const seen = new MutationObserver(() => {
      if (window.__pickUp === undefined && document.querySelector('[data-testid="drag-preview"]')) {
        window.__pickUp = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document.body, { childList: true, subtree: true });
    const channel = new MessageChannel();
    let started = 0;
    channel.port1.onmessage = () => frames.work.push(performance.now() - started);
    let last = performance.now();
    const loop = (t) => {
      frames.interval.push(t - last);
      frames.at.push(performance.now());
      last = t;
      started = performance.now();
      channel.port2.postMessage(0);
      if (window.__framesRun) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 12, { steps: 4 });
  const moves = 80;
  const t0 = Date.now();
  for (let i = 0; i < moves; i++) {
    const x = canvas.x + 60 + ((i * 137) % Math.max(1, canvas.width - 120));
    const y = canvas.y + 80 + (i / moves) * (canvas.height - 200);
    await page.mouse.move(x, y);
    await page.waitForTimeout(8);
  }
  const ms = Date.now() - t0;
  await page.keyboard.press('Escape'); // cancel: the bench must not open a plan
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as FrameWindow;
    w.__framesRun = false;
    return { ...w.__frames!, pickUp: w.__pickUp ?? null };
  });
  const interval = frames.interval.slice(2);
  const work = frames.work.slice(2);
  // The pick-up frame: k is the first rAF callback after the drag-start commit. The drag start's script ran
  // before it (in interval k) or its style, layout and paint follow it (in interval k + 1): the longer of the two.
  const k = frames.pickUp === null ? -1 : frames.at.findIndex((t) => t > frames.pickUp!);
  const around = (i: number) =>
    frames.interval
      .slice(Math.max(0, i - 1), i + 3)
      .map((f) => f.toFixed(1))
      .join(', ');
  const pickUpMs = k < 0 ? null : Math.max(frames.interval[k]!, frames.interval[k + 1] ?? 0);
  // The longest frame after the pick-up (which has its own figure): the stalls while the drag crosses targets.
  const after = k < 0 ? interval : frames.interval.slice(k + 2);
  const longestMs = Math.max(...after);
  const pickUp =
    pickUpMs === null
      ? 'not seen'
      : `${pickUpMs.toFixed(1)} ms, work ${frames.work[k]?.toFixed(1) ?? '?'} ms (intervals around it: ${around(k)} ms)`;
  return {
    pickUpMs,
    longestMs,
    lines: [
      `frame times while dragging a secondary IP across the ${label} view (${moves} pointer moves in ${ms} ms, ${interval.length} frames)`,
      `  frame interval: ${percentiles(interval)}; ${interval.filter((f) => f > 20).length} frames over 20 ms`,
      `  frame work:     ${percentiles(work)}   (rAF callback → rendered)`,
      `  pick-up frame:  ${pickUp}   (interval of the frame that paints the drag start)`,
      `  longest frame after the pick-up: ${longestMs.toFixed(1)} ms`,
    ],
  };
}
