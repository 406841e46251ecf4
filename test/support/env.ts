/** Addresses of the services infra/test.sh prepared; a clear message when run outside it. */
export function requireEnv(name: 'TEST_DATABASE_URL' | 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suites through \`npm test\` (infra/test.sh prepares the services)`);
  return value;
}
