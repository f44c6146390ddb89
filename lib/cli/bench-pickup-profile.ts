// `npm run bench:pickup-profile`: what the pick-up frame of a drag on `large` spends its time on (issue 11). One drag
// of a secondary IP in Chromium (every subnet expanded), with a CPU profile and a trace around it: the top
// functions by self time, the main thread's self time by event (script, style, layout, paint), and the React
// commits from the press to the drag preview painted (how many components rendered in each, by name).
// Build with `next build --no-mangling` first for readable function names (the figures hold for either build).
// BENCH_PICKUP_CSS: a style sheet added to the page before the drag, to see what a CSS change would save.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, startConsole } from './bench-browser';
import { spawnEmulator } from './bench-moves';
import { selfTimes, topFrames, type Profile as Samples } from './profile-frames';

type Profile = Samples & { startTime: number; endTime: number };
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: unknown };
type Commit = { at: number; rendered: number; mounted: number; byName: Record<string, number> };

/**
 * A stand-in for React DevTools' hook, installed before the page's scripts: React calls onCommitFiberRoot after
 * each commit, and the hook counts the components that rendered in it (PerformedWork, in the part of the tree the
 * render walked) by name, with the test id of their first element when the name says little.
 */
const commitHook = `(() => {
  const commits = [];
  window.__commits = commits;
  const componentTags = new Set([0, 1, 11, 14, 15]);
  const nameOf = (f) => {
    const t = f.type;
    const n = (t && (t.displayName || t.name || (t.type && (t.type.displayName || t.type.name)) || (t.render && t.render.name))) || '?';
    if (n.length > 3) return n;
    let c = f.child;
    while (c && typeof c.type !== 'string') c = c.child;
    const id = c && c.memoizedProps && c.memoizedProps['data-testid'];
    return n + (id ? ' [' + String(id).split(/[-:]/)[0] + ']' : c ? ' <' + c.type + '>' : '');
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(r) { this.renderers.set(1, r); return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onPostCommitFiberRoot() {},
    onCommitFiberUnmount() {},
    onCommitFiberRoot(_id, root) {
      if (!window.__recordCommits) return;
      const byName = {};
      let rendered = 0, mounted = 0;
      const stack = [root.current];
      while (stack.length) {
        const f = stack.pop();
        if (componentTags.has(f.tag)) {
          const fresh = f.alternate === null;
          if (fresh || (f.flags & 1) === 1) {
            if (fresh) mounted++; else rendered++;
            const n = nameOf(f);
            byName[n] = (byName[n] || 0) + 1;
          }
        }
        // Children the render did not walk are the same fibers as before: nothing under them rendered.
        if (f.alternate !== null && f.child === f.alternate.child) { if (f.sibling) stack.push(f.sibling); continue; }
        if (f.child) stack.push(f.child);
        if (f.sibling) stack.push(f.sibling);
      }
      commits.push({ at: performance.now(), rendered, mounted, byName });
    },
  };
})()`;

/** Self time per trace event name on the page's main thread between from and to (µs, trace clock). */
function mainThreadSelf(events: TraceEvent[], from: number, to: number): [string, number][] {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  const mine = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const open: TraceEvent[] = [];
  for (const e of mine) {
    while (open.length && open[open.length - 1]!.ts + open[open.length - 1]!.dur! <= e.ts) open.pop();
    const parent = open[open.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    open.push(e);
  }
  return [...self].filter(([, us]) => us > 200).sort((a, b) => b[1] - a[1]);
}

/** Self time per script file of the profile (which chunk: React, dnd-kit, the app), largest first. */
function byFile(profile: Profile): string[] {
  const { self } = selfTimes(profile, (f) =>
    f.url ? f.url.replace(/^.*\/_next\//, '') : f.functionName || '(program)',
  );
  return self.slice(0, 10).map(([k, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${k}`);
}

async function pickUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Expand all' }).click();
  const handle = page
    .locator('[data-testid^="ip-"]:not([data-testid^="ip-slot"])[data-state="occupied"] > button')
    .first();
  await handle.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForTimeout(1000);
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
}

async function main(): Promise<void> {
  const scenario = process.env.BENCH_SCENARIO ?? 'large';
  const emulator = await spawnEmulator(scenario, Number(process.env.BENCH_EMULATOR_PORT ?? 4795));
  const app = await startConsole(emulator.url, Number(process.env.BENCH_PORT ?? 3390));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      bypassCSP: !!process.env.BENCH_PICKUP_CSS,
    });
    await page.addInitScript(commitHook);
    await page.goto(app.base, { timeout: 120_000 });
    await page.getByTestId('topology').waitFor({ state: 'visible', timeout: 120_000 });
    await pickUp(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', '__metadata'],
    });
    await cdp.send('Profiler.start');
    if (process.env.BENCH_PICKUP_CSS) await page.addStyleTag({ content: process.env.BENCH_PICKUP_CSS });
    const t0 = (await page.evaluate(`(() => {
      window.__recordCommits = true;
      const frames = [];
      window.__frameTimes = frames;
      const loop = (t) => { frames.push(t); if (window.__recordCommits) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
      return performance.now();
    })()`)) as number;
    // Past the 6 px activation distance: the drag starts on the last of these moves.
    const box = (await page.locator('[data-testid^="ip-"][data-state="occupied"] > button').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 12, { steps: 4 });
    await page.getByTestId('drag-preview').waitFor({ state: 'visible' });
    const painted = (await page.evaluate(
      'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))',
    )) as number;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const commits = (await page.evaluate('(window.__recordCommits = false, window.__commits)')) as Commit[];
    const frameTimes = (await page.evaluate('window.__frameTimes')) as number[];
    const intervals = frameTimes.slice(1).map((t, i) => t - frameTimes[i]!);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const file = path.resolve(process.env.BENCH_PROFILE_OUT ?? `pickup-${scenario}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));

    const ms = (profile.endTime - profile.startTime) / 1000;
    console.log(`pick-up of a secondary IP on ${scenario}: ${(painted - t0).toFixed(0)} ms from the first move to the
preview painted (two frames after it appears); CPU profile of that window (${ms.toFixed(0)} ms) in ${file}`);
    console.log(
      `frame intervals from the first move to the preview painted: ${intervals.map((f) => f.toFixed(0)).join(', ')} ms`,
    );
    console.log('top functions by self time:');
    for (const line of topFrames(profile, Number(process.env.BENCH_TOP ?? 30))) console.log(`  ${line}`);
    console.log('self time by script file:');
    for (const line of byFile(profile)) console.log(`  ${line}`);
    // The trace's clock is the profile's (µs since boot): the window is the profile's.
    console.log('main thread, self time by trace event (ms):');
    for (const [name, us] of mainThreadSelf(trace.traceEvents, profile.startTime, profile.endTime).slice(0, 15))
      console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
    // The longest tasks of the window (the pick-up's own task among them), each by event.
    const tasks = trace.traceEvents
      .filter((e) => e.name === 'RunTask' && e.ts >= profile.startTime && e.ts <= profile.endTime && e.dur! > 8000)
      .sort((x, y) => y.dur! - x.dur!)
      .slice(0, 4);
    for (const t of tasks) {
      const parts = mainThreadSelf(trace.traceEvents, t.ts, t.ts + t.dur!)
        .slice(0, 8)
        .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`)
        .join(', ');
      console.log(
        `task at +${((t.ts - profile.startTime) / 1000).toFixed(0)} ms, ${(t.dur! / 1000).toFixed(1)} ms: ${parts}`,
      );
    }
    console.log(`React commits in the window: ${commits.length}`);
    for (const c of commits) {
      const names = Object.entries(c.byName)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([n, k]) => `${n} ×${k}`)
        .join(', ');
      console.log(`  +${(c.at - t0).toFixed(0)} ms: ${c.rendered} rendered, ${c.mounted} mounted — ${names}`);
    }
  } finally {
    await browser.close();
    app.child.kill('SIGTERM');
    emulator.child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
