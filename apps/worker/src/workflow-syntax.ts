/**
 * The SDK's bundler compiles workflow TypeScript for ES2017, so object spread, `?.` and `??` in the
 * interpreter run through helper functions (`_object_spread`, …) on every step. Workers run on
 * Node 20, which has all of ES2022: compiling for it keeps those constructs native. Same semantics
 * (class fields were already defined with [[Define]] by the helpers), so recorded histories replay.
 */
import type { BundleOptions } from '@temporalio/worker';

type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

export const WORKFLOW_SYNTAX_TARGET = 'es2022';

/** webpackConfigHook: sets the target of the SDK's swc-loader rule; throws if the SDK no longer has one. */
export function nativeWorkflowSyntax(config: WebpackConfig): WebpackConfig {
  let found = 0;
  for (const rule of config.module?.rules ?? []) {
    const use = rule && typeof rule === 'object' ? rule.use : undefined;
    const loader = use && typeof use === 'object' && !Array.isArray(use) ? use : undefined;
    const options = loader?.options;
    if (typeof loader?.loader === 'string' && loader.loader.includes('swc-loader') && options && typeof options === 'object') {
      const jsc = (options as { jsc?: { target?: string } }).jsc;
      if (jsc) {
        jsc.target = WORKFLOW_SYNTAX_TARGET;
        found += 1;
      }
    }
  }
  if (found === 0) throw new Error('workflow bundle: the Temporal SDK\'s webpack config has no swc-loader rule to set the ES target on (SDK upgraded?): update apps/worker/src/workflow-syntax.ts');
  return config;
}
