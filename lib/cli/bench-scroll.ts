// `npm run bench`, the compact density on `large`: frame times while scrolling through the whole list (one line
// per instance, every subnet open) with the mouse wheel, measured in Chromium by requestAnimationFrame deltas.
import type { Browser } from '@playwright/test';

type ScrollFigures = { p95Ms: number; longestMs: number; lines: string[] };

const pick = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function compactScrollFrames(browser: Browser, base: string): Promise<ScrollFigures> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${base}/?density=compact`);
    await page.getByTestId('topology').waitFor({ state: 'visible', timeout: 120_000 });
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.locator('[data-testid^="instance-line-"], [data-testid^="instance-"]').first().waitFor();
    const canvas = (await page.getByTestId('topology').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    await page.evaluate(`(() => {
      window.__scroll = { intervals: [], run: true };
      let last = performance.now();
      const loop = (t) => {
        window.__scroll.intervals.push(t - last);
        last = t;
        if (window.__scroll.run) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    })()`);
    const steps = 240;
    const t0 = Date.now();
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(16);
    }
    const ms = Date.now() - t0;
    const result = (await page.evaluate(`(() => {
      window.__scroll.run = false;
      const list = document.querySelector('[data-testid="topology"] .overflow-auto');
      return { intervals: window.__scroll.intervals.slice(2), top: list ? list.scrollTop : 0, height: list ? list.scrollHeight : 0 };
    })()`)) as { intervals: number[]; top: number; height: number };
    const sorted = [...result.intervals].sort((a, b) => a - b);
    const p95Ms = pick(sorted, 0.95);
    const longestMs = sorted[sorted.length - 1] ?? 0;
    return {
      p95Ms,
      longestMs,
      lines: [
        `frame times while scrolling the compact view of large (${steps} wheel steps of 600 px in ${ms} ms, ${sorted.length} frames, scrolled ${Math.round(result.top)} of ${Math.round(result.height)} px)`,
        `  frame interval: p50 ${pick(sorted, 0.5).toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms, longest ${longestMs.toFixed(1)} ms; ${sorted.filter((f) => f > 20).length} frames over 20 ms`,
      ],
    };
  } finally {
    await page.close();
  }
}
