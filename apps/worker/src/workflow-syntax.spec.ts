import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH } from './worker.factory';
import { WORKFLOW_SYNTAX_TARGET, nativeWorkflowSyntax } from './workflow-syntax';

const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('nativeWorkflowSyntax', () => {
  it('given the SDK\'s webpack config, when applied, then its swc-loader rule compiles for ES2022', async () => {
    let seenTarget: string | undefined;
    await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH, logger: quiet,
      webpackConfigHook: (config) => {
        const out = nativeWorkflowSyntax(config);
        const rule = (out.module?.rules ?? []).find((r) => JSON.stringify(r).includes('swc-loader')) as { use: { options: { jsc: { target: string } } } };
        seenTarget = rule.use.options.jsc.target;
        return out;
      },
    });
    expect(seenTarget).toBe(WORKFLOW_SYNTAX_TARGET);
  }, 120_000);

  it('given a bundle built with it, then object spread stays native (no _object_spread helper)', async () => {
    const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet, webpackConfigHook: nativeWorkflowSyntax });
    expect(bundle.code).toContain('{ ...');
    expect(bundle.code).not.toContain('function _object_spread(');
  }, 120_000);

  it('given a webpack config without an swc-loader rule (an SDK change), then it throws rather than bundle silently for ES2017', () => {
    expect(() => nativeWorkflowSyntax({ module: { rules: [{ test: /\.js$/, use: [{ loader: 'source-map-loader' }] }] } }))
      .toThrow(/no swc-loader rule/);
  });
});
