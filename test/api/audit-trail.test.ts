/**
 * The audit trail's group commit on a real PostgreSQL: rows recorded while an insert is on its way go together in
 * the next one, each keeps the moment it was recorded, and a row the database refuses loses no other row.
 */
import { createAuditTrail, type AuditEntry } from '../../api/audit-trail';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { waitFor } from '../support/wait-for';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database';

jest.setTimeout(60_000);

let db: FreshDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createFreshDatabase('audit_trail');
  prisma = createPrisma(db.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

beforeEach(() => prisma.auditEvent.deleteMany());

/** The real client, with the statements the trail sends counted on their way through. */
function counted() {
  const statements = { n: 0 };
  const $executeRaw = ((query: TemplateStringsArray, ...values: unknown[]) => (statements.n++, prisma.$executeRaw(query, ...values))) as PrismaClient['$executeRaw'];
  return { statements, client: { $executeRaw } };
}

const entry = (target: string, details: Record<string, unknown> = { status: 201 }): AuditEntry => ({ actor: 'op.ana', action: 'dispatch.open', target, details });

function silentWarnings() {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  return { warnings, logger: { info() {}, error() {}, warn: (message: string, fields?: Record<string, unknown>) => warnings.push({ message, fields }) } };
}

test('rows recorded in the same turn go in one INSERT, each with the moment it was recorded', async () => {
  const { statements, client } = counted();
  const trail = createAuditTrail(client, silentWarnings().logger);
  const before = new Date();
  const written = Array.from({ length: 30 }, (_, i) => trail.record(entry(`D-${String(i).padStart(2, '0')}`)));
  await Promise.all(written);
  const after = new Date();
  expect(statements.n).toBe(1);
  const rows = await prisma.auditEvent.findMany({ orderBy: { target: 'asc' } });
  expect(rows.map((r) => r.target)).toEqual(Array.from({ length: 30 }, (_, i) => `D-${String(i).padStart(2, '0')}`));
  for (const r of rows) {
    expect(r.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(r.at.getTime()).toBeLessThanOrEqual(after.getTime());
    expect(r).toMatchObject({ actor: 'op.ana', action: 'dispatch.open', details: { status: 201 } });
  }
  // Recorded in order, so their moments never run backwards.
  const byRecord = rows.map((r) => r.at.getTime());
  expect([...byRecord].sort((a, b) => a - b)).toEqual(byRecord);
});

test('a lone row goes alone; rows recorded after a batch left go together in the next one', async () => {
  const { statements, client } = counted();
  const trail = createAuditTrail(client, silentWarnings().logger);
  await trail.record(entry('D-ALONE'));
  expect(statements.n).toBe(1);
  const first = [trail.record(entry('D-A1')), trail.record(entry('D-A2'))];
  await waitFor(() => statements.n === 2, { what: 'the first INSERT to leave', interval: 1 });
  const second = [trail.record(entry('D-B1')), trail.record(entry('D-B2')), trail.record(entry('D-B3'))];
  await trail.written();
  await Promise.all([...first, ...second]);
  expect(statements.n).toBe(3);
  expect(await prisma.auditEvent.count()).toBe(6);
});

test('a row the database refuses is logged and loses no other row of its batch', async () => {
  const { warnings, logger } = silentWarnings();
  const trail = createAuditTrail(prisma, logger);
  // PostgreSQL's jsonb cannot hold a NUL character: this row alone is refused.
  const rows = [entry('D-OK-1'), entry('D-NUL', { status: 404, body: { note: 'a\u0000b' } }), entry('D-OK-2'), entry('D-OK-3')];
  await Promise.all(rows.map((r) => trail.record(r)));
  expect((await prisma.auditEvent.findMany({ orderBy: { target: 'asc' } })).map((r) => r.target)).toEqual(['D-OK-1', 'D-OK-2', 'D-OK-3']);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatchObject({ message: 'audit write failed', fields: { action: 'dispatch.open', target: 'D-NUL' } });
});

test('written() waits for every row recorded so far, including those queued behind a batch in flight', async () => {
  const trail = createAuditTrail(prisma, silentWarnings().logger);
  for (let i = 0; i < 250; i++) void trail.record(entry(`D-${i}`));
  await trail.written();
  expect(await prisma.auditEvent.count()).toBe(250);
});
