/**
 * Support for the designer benchmark: a static server for designer/dist, and frame sampling in
 * Chromium (requestAnimationFrame deltas while the mouse drags a node or pans the canvas).
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';

export const DIST = join(__dirname, '../../designer/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/**
 * Cross-origin isolation: Chromium then coarsens the page's clocks (rAF timestamps included) to
 * 5 µs instead of 100 µs, so a frame that takes one 60 Hz vsync reads 16.67 ms, not 16.6 or 16.8
 * by rounding. The bench page loads only its own files, so the isolation costs it nothing.
 */
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** Serves designer/dist on a free port (no API needed: bench.html draws a generated graph). */
export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(DIST, 'bench.html'))) {
    throw new Error('designer/dist/bench.html is missing: run `bash infra/browser.sh` (or `npm run build -w @orderpath/designer`) first');
  }
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...ISOLATED }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Starts recording rAF deltas in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__frames = [];
    w.__sampling = true;
    let last = 0;
    const tick = (t: number) => {
      if (last) w.__frames.push(t - last);
      last = t;
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Stops recording and returns the frame times (ms), to 0.01 ms. A delta is a difference of two
 * coarsened floats (16.700000000000045 for 16.7); rounding to 0.01 ms removes that float noise and
 * keeps every real digit of the 5 µs clock that matters against a 16.7 ms target.
 */
export async function stopFrames(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__sampling = false;
    return w.__frames;
  });
  return frames.map((f) => Math.round(f * 100) / 100);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses at `from`, moves by (dx, dy) in `steps` moves about 8 ms apart (faster than frames), releases. */
export async function gesture(page: Page, from: { x: number; y: number }, dx: number, dy: number, steps: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (dx * i) / steps, from.y + (dy * i) / steps);
    await pause(8);
  }
  await page.mouse.up();
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
