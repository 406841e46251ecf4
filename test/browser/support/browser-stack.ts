/**
 * The real stack (PostgreSQL, Temporal dev server, worker, API) serving the built designer on a
 * random port, for browser tests. infra/browser.sh builds designer/dist before the suites run.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Stack, type StackOptions, startStack } from '../../support/stack';

export const DIST = join(__dirname, '../../../designer/dist');

export interface BrowserStack {
  stack: Stack;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startBrowserStack(options: StackOptions = {}): Promise<BrowserStack> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`designer/dist is missing: build it with \`npm run build -w @orderpath/designer\` (infra/browser.sh does this in npm test)`);
  }
  const stack = await startStack(options);
  const server = await stack.app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return { stack, baseUrl: `http://127.0.0.1:${port}`, close: () => stack.close() };
}
