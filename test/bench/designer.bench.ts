/**
 * `designer_500` / `designer_2000`: frame times (p95 of requestAnimationFrame deltas) while a user
 * drags a node and pans the canvas, for the designer's canvas and for bare React Flow drawing the
 * same generated graph, in the same Chromium, in the same run, alternating (designer/bench.html).
 *
 * Decision notes: the whole graph is in view (fitView, as the designer opens a template), so
 * neither side is helped by skipping off-screen nodes — at 500 nodes that is ~23 % zoom, at 2,000
 * ~7 %. Both have React Flow's background, minimap and controls. Bare React Flow keeps its
 * defaults; the designer draws its own level of detail at that zoom (canvas/use-level-of-detail.ts:
 * the overview — plain boxes, all edges in a few straight-segment paths, a compositor layer while
 * the view moves, pointer capture during gestures), which is what lets it beat the baseline, as
 * overview modes do in other large-diagram editors. Headless Chromium here runs without a GPU
 * (software compositing): figures are pessimistic next to a desktop browser. Frame times come in
 * steps of one vsync (16.7 ms) with ±0.1 ms timestamp jitter, so a p95 of 16.8 ms is still "every
 * frame but the slowest 5 % on time"; the log line gives the share of frames over 25 ms (dropped).
 */
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../browser/support/chromium';
import type { Benchmark, BenchContext } from './support/benchmark';
import { describeMachine } from './support/machine';
import { type BenchResult, type Figure, toResult } from './support/results';
import { gesture, percentile, serveDist, startFrames, stopFrames } from './designer-bench-support';

type Mode = 'designer' | 'bare';
const ROUNDS = 3;
const TARGET_P95: Record<number, number> = { 500: 16.7, 2000: 33 };

async function openGraph(browser: Browser, base: string, mode: Mode, n: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/bench.html?mode=${mode}&n=${n}`);
  await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node:not(.react-flow__node-stageBand)').length >= count, n, { timeout: 120_000 });
  await page.waitForTimeout(800); // let fitView and the first measurements settle
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('bench.html is not cross-origin isolated: its frame clock would be coarsened to 0.1 ms');
  return page;
}

/** One session: drag a node across the canvas, then pan the canvas, sampling frames throughout. */
async function sample(page: Page): Promise<number[]> {
  const target = page.locator('.react-flow__node[data-id="n12"]');
  const box = (await target.boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await startFrames(page);
  await gesture(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 300, 200, 90);
  await gesture(page, { x: pane.x + 6, y: pane.y + 6 }, 250, 150, 90);
  return stopFrames(page);
}

async function measure(browser: Browser, base: string, n: number, log: (m: string) => void): Promise<Record<Mode, number[]>> {
  const frames: Record<Mode, number[]> = { designer: [], bare: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of (round % 2 === 0 ? ['bare', 'designer'] : ['designer', 'bare']) as Mode[]) {
      const page = await openGraph(browser, base, mode, n);
      const got = await sample(page);
      frames[mode].push(...got);
      const dropped = got.filter((f) => f > 25).length / got.length;
      log(`designer_${n} ${mode} round ${round + 1}: ${got.length} frames, p95 ${percentile(got, 95).toFixed(1)} ms, ${(dropped * 100).toFixed(1)} % over 25 ms`);
      await page.close();
    }
  }
  return frames;
}

async function figuresFor(n: number, log: (m: string) => void): Promise<Figure[]> {
  const { chromium } = await import('playwright-core');
  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const frames = await measure(browser, server.url, n, log);
    const ours = percentile(frames.designer, 95);
    const bare = percentile(frames.bare, 95);
    return [
      { metric: 'p95_frame_ms', value: ours, baseline: bare, unit: 'ms', target: { on: 'value', op: '<=', limit: TARGET_P95[n] } },
      { metric: 'ratio_vs_bare', value: ours, baseline: bare, unit: 'ms (p95)', target: { on: 'ratio', op: '<=', limit: 1.25 } },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

function bench(n: number): Benchmark {
  return { name: `designer_${n}`, group: 'designer', run: (ctx: BenchContext) => figuresFor(n, ctx.log) };
}

export const designer500Bench = bench(500);
export const designer2000Bench = bench(2000);

/** Both sizes, as DESIGN.md §8 result rows (for runners that take `run()` modules). */
export async function run(log: (message: string) => void = (m) => console.error(`[bench] ${m}`)): Promise<BenchResult[]> {
  const machine = describeMachine();
  const results: BenchResult[] = [];
  for (const b of [designer500Bench, designer2000Bench]) {
    const figures = await b.run({ databaseUrl: '', log });
    const at = new Date();
    results.push(...figures.map((f) => toResult(b.name, f, machine, at)));
  }
  return results;
}
