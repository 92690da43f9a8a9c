/** docker-compose.yml's Temporal and Prometheus wiring agrees with the code it deploys. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../../domain/search-attributes';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

test('the namespace one-shot registers exactly the search attributes of domain/search-attributes.ts', () => {
  const script = read('ops/temporal/create-namespace.sh');
  const listed = Object.fromEntries([...script.matchAll(/\b([A-Z][A-Za-z]+)=(Keyword|Datetime|Bool|Int|Double|Text|KeywordList)\b/g)].map((m) => [m[1], m[2]]));
  expect(listed).toEqual(SEARCH_ATTRIBUTE_TYPES);
});

test('Prometheus scrapes the API and the worker where compose makes them listen', () => {
  const compose = read('docker-compose.yml');
  const prometheus = read('ops/prometheus/prometheus.yml');
  const apiPort = /API_PORT: "(\d+)"/.exec(compose)?.[1];
  const workerPort = /WORKER_METRICS_ADDRESS: 0\.0\.0\.0:(\d+)/.exec(compose)?.[1];
  const serverPort = /PROMETHEUS_ENDPOINT: 0\.0\.0\.0:(\d+)/.exec(compose)?.[1];
  expect([apiPort, workerPort, serverPort]).toEqual(['3000', '9464', '8000']);
  expect(prometheus).toContain(`"api:${apiPort}"`);
  expect(prometheus).toContain(`"worker:${workerPort}"`);
  expect(prometheus).toContain(`"temporal:${serverPort}"`);
  expect(compose).toContain('./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml');
});

test('Temporal runs from the server and admin-tools images, not the deprecated auto-setup', () => {
  const compose = read('docker-compose.yml');
  expect(compose).not.toMatch(/^\s*image:\s*temporalio\/auto-setup/m);
  expect(compose).toMatch(/image: temporalio\/server:/);
  expect(compose).toMatch(/command: \["\/levante\/setup-postgres\.sh"\]/);
});
