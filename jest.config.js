// One Jest run, several projects: unit specs beside the code, and the cross-component suites in
// test/ that need real services (started by infra/test.sh, which exports their addresses).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] };
// bpmn-moddle and its helpers ship as ES modules only; let swc turn them into CommonJS.
const esmOnly = ['bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash', 'ids'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const base = { transform, transformIgnorePatterns, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{workflows,activities,apps}/**/*.spec.ts'] },
    { ...base, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'], testTimeout: 120000 },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], testTimeout: 120000 },
  ],
};
