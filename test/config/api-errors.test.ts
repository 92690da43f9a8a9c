/**
 * The API's error mapping for outages: a Prisma error whose driver-adapter cause says PostgreSQL is shutting
 * down or unreachable is a 503 with Retry-After (seen after `pg_ctl stop -m fast` on a pooled connection: P2039
 * with SQLSTATE 57P01 in its meta), not a 500; an ordinary Prisma error stays a 500.
 */
import { toApiError } from '../../api/errors';

const prismaError = (code: string, cause?: object) => Object.assign(new Error('Invalid `prisma.apiKey.findUnique()` invocation'), { name: 'PrismaClientKnownRequestError', code, meta: cause ? { driverAdapterError: { cause } } : undefined });

test.each([
  ['admin shutdown on a pooled connection', prismaError('P2039', { originalCode: '57P01', kind: 'postgres' })],
  ['raw query during a restart', prismaError('P2010', { code: '57P03' })],
  ['connection exception class 08', prismaError('P2039', { originalCode: '08006' })],
  ['adapter says unreachable', prismaError('P2039', { kind: 'DatabaseNotReachable' })],
  ['Prisma says unreachable', prismaError('P1001')],
  // A backend killed mid-query (seen once in the fault suite's PostgreSQL restart): node-postgres' plain Error, passed
  // through by the driver adapter with no code.
  ['socket lost mid-query', new Error('Connection terminated unexpectedly')],
  ['a pooled client that lost its connection', new Error('Client has encountered a connection error and is not queryable')],
])('%s → 503 with Retry-After', (_what, err) => {
  const mapped = toApiError(err);
  expect(mapped.status).toBe(503);
  expect(mapped.headers['Retry-After']).toBe('5');
});

test('a unique violation is not an outage', () => {
  expect(toApiError(prismaError('P2002', { originalCode: '23505' })).status).toBe(500);
});

test('a message merely mentioning a connection is not an outage', () => {
  expect(toApiError(new Error('Connection terminated unexpectedly by the terminal simulator: retry')).status).toBe(500);
});
