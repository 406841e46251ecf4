// One Jest run, several projects: unit specs beside the code, and the cross-component suites in
// test/ that need real services (started by infra/test.sh, which exports their addresses).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] };
// These ship as ES modules only (bpmn-moddle and helpers, @nestjs/typeorm 12); Jest's CommonJS
// runtime on Node 20 cannot require them, so swc turns them into CommonJS.
const esmOnly = ['bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash', 'ids', '@nestjs/typeorm'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
// Suites against real servers get a longer per-test timeout (set in a setup file: per-project
// testTimeout is not honoured).
const slow = '<rootDir>/test/support/slow-suite.setup.ts';
const base = { transform, transformIgnorePatterns, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{workflows,activities,apps}/**/*.spec.ts'] },
    { ...base, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'], setupFilesAfterEnv: [slow] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], setupFilesAfterEnv: [slow] },
    // Chromium against the real stack serving designer/dist (infra/browser.sh builds it), and the
    // designer's framework-free core specs (the code that runs in the browser).
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts', '<rootDir>/designer/src/**/*.spec.ts'], setupFilesAfterEnv: [slow] },
  ],
};
