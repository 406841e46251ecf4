/**
 * The canvas on a large template (the benchmark page, designer/bench.html, 500 generated nodes):
 * zoomed out to fit, it draws the overview (plain boxes, every edge in a few paths); a click on an
 * edge there selects it; a node dragged there moves and takes its edges along; the pane pans; zoomed in, labels, ports and React Flow's
 * own edges come back. No API needed: bench.html draws a generated template.
 */
import type { Browser, Page } from 'playwright-core';
import { serveDist } from '../bench/designer-bench-support';
import { launchChromium, openPage, screenshot, steps } from './support/chromium';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const N = 500;

/** The viewport's [x, y, zoom]. */
async function viewport(page: Page): Promise<[number, number, number]> {
  return page.evaluate(() => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    return [m.e, m.f, m.a] as [number, number, number];
  });
}

async function nodeTranslate(page: Page, id: string): Promise<[number, number]> {
  return page.$eval(`.react-flow__node[data-id="${id}"]`, (el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return [m.e, m.f] as [number, number];
  });
}

describe('given a 500-node template on the designer canvas', () => {
  it('draws the overview when zoomed out to fit, drags and pans there, and shows full detail again when zoomed in', async () => {
    const { page, errors } = await openPage(browser);
    await steps(page, 'designer-canvas', async () => {
      await page.goto(`${server.url}/bench.html?mode=designer&n=${N}`);
      await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node:not(.react-flow__node-stageBand)').length >= n, N);
      await page.waitForSelector('.react-flow.lod-overview');

      // Overview: boxes without text, no React Flow edges, all edges in the overview's paths.
      expect(await page.locator('.react-flow__edge:not(.overview-edges *)').count()).toBe(0);
      const segments = await page.$$eval('[data-testid=overview-edges] path', (ps) => ps.map((p) => p.getAttribute('d')!).join('').split('M').length - 1);
      expect(segments).toBe(N - 1);
      expect(await page.locator('.op-label').first().isVisible()).toBe(false);
      await screenshot(page, 'designer-canvas-01-overview');

      // A click on an overview edge (a plain path) selects it: React Flow then draws that edge itself.
      const [vx, vy, vz] = await viewport(page);
      const first = /M(-?\d+) (-?\d+)L(-?\d+) (-?\d+)/.exec(await page.$eval('[data-testid=overview-edges] path', (p) => p.getAttribute('d')!))!.slice(1).map(Number);
      const flowBox = (await page.locator('.design-canvas .react-flow').boundingBox())!;
      const toScreen = (x: number, y: number) => [flowBox.x + vx + x * vz, flowBox.y + vy + y * vz] as const;
      const [mx, my] = toScreen((first[0] + first[2]) / 2, (first[1] + first[3]) / 2);
      await page.mouse.click(mx, my + 2);
      await page.waitForSelector('.react-flow__edge.selected:not(.overview-edges *)');
      expect(await page.locator('.react-flow__edge.selected').count()).toBe(1);
      await screenshot(page, 'designer-canvas-01b-overview-edge-selected');

      // Drag n12 by (120, 80) screen pixels in ten steps: it follows the pointer (React Flow starts the
      // drag on the first step, so nine tenths of the way), and stays there.
      const [, , zoom] = await viewport(page);
      const before = await nodeTranslate(page, 'n12');
      const box = (await page.locator('.react-flow__node[data-id="n12"]').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 80, { steps: 10 });
      await page.mouse.up();
      const after = await nodeTranslate(page, 'n12');
      expect((after[0] - before[0]) * zoom).toBeCloseTo(108, -1);
      expect((after[1] - before[1]) * zoom).toBeCloseTo(72, -1);
      const paths = await page.$$eval('[data-testid=overview-edges] path', (ps) => ps.map((p) => p.getAttribute('d')!).join(''));
      expect(paths).toContain(`L${Math.round(after[0])} `);

      // Pan the pane by (200, 100): the viewport follows and the moving layer is dropped afterwards.
      const [x0, y0] = await viewport(page);
      const pane = (await page.locator('.react-flow__pane').boundingBox())!;
      await page.mouse.move(pane.x + 8, pane.y + 8);
      await page.mouse.down();
      await page.mouse.move(pane.x + 208, pane.y + 108, { steps: 10 });
      await page.mouse.up();
      const [x1, y1] = await viewport(page);
      expect([Math.round(x1 - x0), Math.round(y1 - y0)]).toEqual([200, 100]);
      await page.waitForSelector('.design-canvas:not(.is-moving)', { timeout: 2_000 });

      // Zoom in past the thresholds: labels, ports and React Flow's edges are back.
      await page.mouse.move(300, 250);
      for (let i = 0; i < 6 && (await viewport(page))[2] < 0.6; i++) {
        await page.mouse.wheel(0, -300);
        await page.waitForTimeout(150);
      }
      await page.waitForSelector('.react-flow:not(.lod-far) .op-label');
      await page.waitForSelector('.react-flow__edge .react-flow__edge-path');
      expect(await page.locator('[data-testid=overview-edges]').count()).toBe(0);
      expect(await page.locator('.react-flow__handle').first().isVisible()).toBe(true);
      await screenshot(page, 'designer-canvas-02-zoomed-in');
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
