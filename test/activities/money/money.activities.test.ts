/** The money store and activity over a real PostgreSQL: exact decimals in and out, the gate's answer, retries recorded once. */
import { createMoneyActivities, createMoneyStore, type MoneyStore } from '../../../activities/money';
import { money } from '../../../domain/money';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';

jest.setTimeout(60_000);

let db: FreshDatabase;
let prisma: PrismaClient;
let store: MoneyStore;
const RUC = '20100047218';

beforeAll(async () => {
  db = await createFreshDatabase('levante_money');
  prisma = createPrisma(db.url);
  store = createMoneyStore(prisma);
  await prisma.client.create({ data: { ruc: RUC, name: 'Importadora Andina' } });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const payment = (key: string, amount: string) => ({
  dispatchId: 'DSP-2026-000501', clientRuc: RUC, amount: money(amount, 'USD'), payee: 'DP World Callao', concept: 'Liquidación',
  reference: 'F002-77', actor: 'workflow', date: '2026-12-03', idempotencyKey: `dispatch-DSP-2026-000501:${key}`,
});

test('amounts round-trip exactly through NUMERIC columns (no float on the way)', async () => {
  await store.addDeposit({ dispatchId: 'DSP-2026-000501', amount: money('0.10', 'USD'), reference: 'A', method: 'transfer', actor: 'ana' });
  await store.addDeposit({ dispatchId: 'DSP-2026-000501', amount: money('999999999999.99', 'USD'), reference: 'B', method: 'letters', actor: 'ana' });
  const entries = await store.ledger('DSP-2026-000501');
  expect(entries.map((e) => e.amount.amount)).toEqual(['0.10', '999999999999.99']);
  expect((await store.recordRate({ date: '2026-12-03', rate: '3.7512', source: 'SBS' }, 'admin')).rate.rate).toBe('3.751200');
  expect(await store.rateOn('2026-12-05')).toEqual({ date: '2026-12-03', rate: '3.751200', source: 'SBS' });
  expect(await store.rateOn('2026-12-02')).toBeNull();
});

test('the workflow activity applies the gate and records a retried payment once', async () => {
  const acts = createMoneyActivities({ money: store });
  const first = await acts.requestThirdPartyPayment(payment('pay-1', '500.00'));
  const retry = await acts.requestThirdPartyPayment(payment('pay-1', '500.00'));
  expect(first.answer.allowed).toBe(true);
  expect(retry.entry?.id).toBe(first.entry?.id);
  expect(await prisma.ledgerEntry.count({ where: { kind: 'payment' } })).toBe(1);
  const refused = await acts.requestThirdPartyPayment(payment('pay-2', '999999999999.99'));
  expect(refused.answer).toMatchObject({ allowed: false, shortfall: { amount: '499.90', currency: 'USD' } });
  expect(JSON.parse(JSON.stringify(refused))).toEqual(refused); // plain JSON for the workflow
});
