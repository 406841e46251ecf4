import { ConfigError, DEFAULT_PEAK_MONTHS, loadConfig } from './config';

const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/orderpath' };
const secret = 'f3b1c2d4e5a6978812345678abcdef0123456789';

describe('loadConfig', () => {
  it('refuses production without a JWT secret, with a short one or with a default-looking one', () => {
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'changeme-changeme-changeme-changeme' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'a-demo-secret-that-is-long-enough-yes' })).toThrow(/JWT_SECRET/);
  });

  it('refuses demo users and a missing DATABASE_URL in production', () => {
    expect(() => loadConfig({ ...prod, JWT_SECRET: secret, ORDERPATH_DEMO: 'true' })).toThrow(/demo/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(/DATABASE_URL/);
  });

  it('accepts production with a random secret, and turns demo mode off', () => {
    const config = loadConfig({ ...prod, JWT_SECRET: secret });
    expect(config).toMatchObject({ production: true, demo: false, jwtSecret: secret });
  });

  it('generates a JWT secret per start outside production', () => {
    expect(loadConfig({}).jwtSecret).not.toBe(loadConfig({}).jwtSecret);
  });

  it('reads the stuck period as an ISO-8601 duration, default seven days', () => {
    expect(loadConfig({}).noProgressAfterMs).toBe(7 * 24 * 3600 * 1000);
    expect(loadConfig({ ORDERPATH_NO_PROGRESS_AFTER: 'PT12H' }).noProgressAfterMs).toBe(12 * 3600 * 1000);
    expect(() => loadConfig({ ORDERPATH_NO_PROGRESS_AFTER: '7 days' })).toThrow(/ORDERPATH_NO_PROGRESS_AFTER/);
    expect(() => loadConfig({ ORDERPATH_NO_PROGRESS_AFTER: 'PT0S' })).toThrow(/ORDERPATH_NO_PROGRESS_AFTER/);
  });

  it('reads the body limit as a size, default one megabyte', () => {
    expect(loadConfig({}).bodyLimitBytes).toBe(1024 * 1024);
    expect(loadConfig({ ORDERPATH_BODY_LIMIT: '512kb' }).bodyLimitBytes).toBe(512 * 1024);
    expect(loadConfig({ ORDERPATH_BODY_LIMIT: '2000' }).bodyLimitBytes).toBe(2000);
    expect(() => loadConfig({ ORDERPATH_BODY_LIMIT: 'lots' })).toThrow(/ORDERPATH_BODY_LIMIT/);
    expect(() => loadConfig({ ORDERPATH_BODY_LIMIT: '0mb' })).toThrow(/ORDERPATH_BODY_LIMIT/);
  });

  it('reads peak months as a list of month numbers, default September to February', () => {
    expect(loadConfig({}).peakMonths).toEqual(DEFAULT_PEAK_MONTHS);
    expect(loadConfig({ ORDERPATH_PEAK_MONTHS: '12, 1,2,1' }).peakMonths).toEqual([1, 2, 12]);
    expect(() => loadConfig({ ORDERPATH_PEAK_MONTHS: '13' })).toThrow(/ORDERPATH_PEAK_MONTHS/);
    expect(() => loadConfig({ ORDERPATH_PEAK_MONTHS: 'dec' })).toThrow(/ORDERPATH_PEAK_MONTHS/);
  });

  it('reads the login limit as a positive integer', () => {
    expect(loadConfig({ ORDERPATH_LOGIN_LIMIT: '5' }).loginLimit).toBe(5);
    expect(() => loadConfig({ ORDERPATH_LOGIN_LIMIT: '0' })).toThrow(/ORDERPATH_LOGIN_LIMIT/);
  });
});
