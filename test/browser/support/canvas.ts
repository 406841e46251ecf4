/** Canvas gestures for the designer suites: drop from the palette, connect two nodes, select. */
import type { Page } from 'playwright-core';

export const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

/** Drags a palette item onto the canvas pane at (x, y) relative to the pane (HTML5 drag and drop). */
export async function dropFromPalette(page: Page, type: string, x: number, y: number): Promise<string> {
  const before = await nodeIds(page);
  await page.dragAndDrop(`[data-testid=palette-${type}]`, '.design-canvas .react-flow__pane', { targetPosition: { x, y } });
  await page.waitForFunction((n) => document.querySelectorAll('.design-canvas .react-flow__node:not(.react-flow__node-stageBand)').length > n, before.length);
  const after = await nodeIds(page);
  return after.find((id) => !before.includes(id))!;
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.$$eval('.design-canvas .react-flow__node:not(.react-flow__node-stageBand)', (els) => els.map((e) => e.getAttribute('data-id')!));
}

async function center(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a connection from the source handle of one node to the target handle of another. */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const from = await center(page, `${node(source)} .react-flow__handle.source`);
  const to = await center(page, `${node(target)} .react-flow__handle.target`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

export async function select(page: Page, id: string): Promise<void> {
  await page.locator(node(id)).click();
  await page.waitForSelector(`[data-testid=properties][data-node="${id}"]`);
}

/** `[data-testid=a] [data-testid=b]` for test ids `a`, `b`. */
export const byTestId = (...ids: string[]) => ids.map((id) => `[data-testid=${id}]`).join(' ');

/** Fills the input inside the element with test id(s) and leaves it (blur ends the undo step). */
export async function setProp(page: Page, ...testIds: string[]): Promise<void> {
  const value = testIds.pop()!;
  const input = page.locator(`${byTestId(...testIds)} input`).first();
  await input.fill(value);
  await input.blur();
}
