/**
 * An admin exports a published template as BPMN from the designer and imports the file as a new
 * template: the imported draft equals the original (ids, names, stages, forms, conditions, timers,
 * messages, layout).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { node } from './support/canvas';
import { launchChromium, openPage, screenshot, signIn, steps } from './support/chromium';
import { BPMN_SOURCE, publishTemplate } from './support/fixtures';

let env: BrowserStack;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserStack();
  browser = await launchChromium();
  await publishTemplate(env.stack, BPMN_SOURCE);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('given a published template with every construct BPMN carries', () => {
  it('exporting it to BPMN and importing the file gives an equal template', async () => {
    const copyKey = `bpmn-copy-${Date.now()}`;
    const { page, errors } = await openPage(browser);
    let xml = '';
    await steps(page, 'bpmn-round-trip', async () => {
      await signIn(page, env.baseUrl, 'admin');
      await page.goto(`${env.baseUrl}/templates/${BPMN_SOURCE.key}`);
      await page.waitForSelector(node('pay'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=tb-export]')]);
      expect(download.suggestedFilename()).toBe(`${BPMN_SOURCE.key}.bpmn`);
      xml = readFileSync((await download.path())!, 'utf8');
      expect(xml).toContain('bpmn:definitions');
      await screenshot(page, 'bpmn-01-source');

      await page.goto(`${env.baseUrl}/templates`);
      await page.fill('[data-testid=import-bpmn] [name=import-key]', copyKey);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=import-bpmn-button]')]);
      await chooser.setFiles({ name: `${BPMN_SOURCE.key}.bpmn`, mimeType: 'application/xml', buffer: Buffer.from(xml) });
      await page.waitForSelector('[data-testid=imported]');
      await page.locator('[data-testid=imported] a').click();
      await page.waitForSelector(node('pay'));
      await screenshot(page, 'bpmn-02-imported');
    });

    const admin = await env.stack.login('admin');
    const copy = await env.stack.http.get(`/api/templates/${copyKey}`).set({ Authorization: `Bearer ${admin}` }).expect(200);
    const { key: _k, version: _v, ...original } = (await env.stack.http.get(`/api/templates/${BPMN_SOURCE.key}/versions/1`).set({ Authorization: `Bearer ${admin}` })).body;
    const { key, ...imported } = copy.body.draft;
    expect(key).toBe(copyKey);
    expect(imported).toEqual(original);
    expect(errors).toEqual([]);
  });
});
