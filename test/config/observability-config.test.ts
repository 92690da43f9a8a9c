/** The configuration of metrics: METRICS_TOKEN and WORKER_METRICS_ADDRESS (config/config.ts). */
import { loadConfig } from '../../config/config';

const base = { DATABASE_URL: 'postgresql://levante@127.0.0.1:55432/levante' };

describe('METRICS_TOKEN', () => {
  test('unset or empty → /metrics is open', () => {
    expect(loadConfig(base).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
  });

  test('a token of 16+ characters is kept; a short one is refused by name', () => {
    expect(loadConfig({ ...base, METRICS_TOKEN: 'scrape-token-0123456789' }).METRICS_TOKEN).toBe('scrape-token-0123456789');
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: METRICS_TOKEN must be at least 16 characters/);
  });
});

describe('WORKER_METRICS_ADDRESS', () => {
  test('defaults to loopback port 9464; empty turns the endpoint off', () => {
    expect(loadConfig(base).WORKER_METRICS_ADDRESS).toBe('127.0.0.1:9464');
    expect(loadConfig({ ...base, WORKER_METRICS_ADDRESS: '' }).WORKER_METRICS_ADDRESS).toBe('');
  });

  test.each(['0.0.0.0:9464', '10.0.3.7:1', '[::1]:9464', '[::]:65535'])('accepts %s', (address) => {
    expect(loadConfig({ ...base, WORKER_METRICS_ADDRESS: address }).WORKER_METRICS_ADDRESS).toBe(address);
  });

  test.each(['localhost:9464', '9464', '127.0.0.1', '127.0.0.1:99999', '::1:9464', 'http://127.0.0.1:9464'])('refuses %s (the SDK binds an ip:port)', (address) => {
    expect(() => loadConfig({ ...base, WORKER_METRICS_ADDRESS: address })).toThrow(/WORKER_METRICS_ADDRESS: WORKER_METRICS_ADDRESS must be ip:port/);
  });
});
