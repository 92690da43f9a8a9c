/**
 * The dispatch workflow's own notices routed by the staff directory (issue 15), through the real dispatch
 * workflow on the time-skipping server: a review deadline falling at 03:00 Lima reaches the night executive on
 * duty (not the titular, whose day shift ended) and its escalation the Jefe de Producción (documents are a
 * production matter), not the Supervisora de Seguimiento nor the old supervisor roster; during an absence the
 * reminder reaches the substitute.
 */
import type { PrismaClient } from '../../../prisma/client';
import { documentsReceived } from '../../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import { limaDate, limaInstant, addDays } from '../../support/lima-time';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';

jest.setTimeout(180_000);

const TITULAR = 'jorge.salas@agencia.example.pe';
const NIGHT = 'nora.paredes@agencia.example.pe';
const SUBSTITUTE = 'ana.torres@agencia.example.pe';
const JEFE_PRODUCCION = 'pedro.rojas@agencia.example.pe';
const SEGUIMIENTO = 'rosa.quispe@agencia.example.pe';
const ROSTER = 'supervision@agencia.example.pe';
const HOUR = 3_600_000;

let stack: TimeSkippingStack;
let prisma: PrismaClient;

beforeAll(async () => {
  stack = await startTimeSkippingStack('routing');
  prisma = stack.prisma;
  const member = (username: string, name: string, email: string, position: string, shiftId: string | null, executiveId?: string) => ({ username, name, email, position, shiftId, executiveId, updatedBy: 'test' });
  await prisma.staffMember.createMany({
    data: [
      member('jorge.salas', 'Jorge Salas', TITULAR, 'esc', 'day', 'ESC-07'),
      member('nora.paredes', 'Nora Paredes', NIGHT, 'esc', 'night', 'ESC-11'),
      member('ana.torres', 'Ana Torres', SUBSTITUTE, 'esc', 'afternoon', 'ESC-12'),
      member('pedro.rojas', 'Pedro Rojas', JEFE_PRODUCCION, 'jefe_produccion', null),
      member('rosa.quispe', 'Rosa Quispe', SEGUIMIENTO, 'supervisora_seguimiento', 'day'),
    ],
  });
});
afterAll(() => stack?.close());

/** Skips the test server's clock to the next Lima `hour` on a Tuesday–Saturday (inside a Mon–Fri night shift when early). */
async function skipToLima(hour: number, weekdays: number[]): Promise<Date> {
  const now = await stack.env.currentTimeMs();
  let date = limaDate(new Date(now));
  for (let i = 0; i < 10; i++, date = addDays(date, 1)) {
    const at = limaInstant(date, hour);
    if (at.getTime() > now + 60_000 && weekdays.includes(new Date(`${date}T12:00:00Z`).getUTCDay())) {
      await stack.env.sleep(at.getTime() - now);
      return at;
    }
  }
  throw new Error('no such day');
}

const mailsFor = (id: string) => stack.smtp.received.filter((m) => m.subject.includes(id));

test('a review deadline at 03:00: reminder and alert reach the night executive, the escalation the Jefe de Producción', async () => {
  const start = await skipToLima(1, [2, 3, 4, 5, 6]); // 01:00 Tuesday–Saturday = a Monday–Friday night shift
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { policyOverrides: { documentReviewMs: 2 * HOUR, reviewReminderBeforeMs: HOUR } }, start.toISOString());
  await handle.executeUpdate(documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'] }] });

  await stack.env.sleep(HOUR + 5 * 60_000); // 02:05 Lima
  const reminder = await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] Recordatorio: Revisión de documentos`));
  expect(reminder.to).toEqual([NIGHT]);

  await stack.env.sleep(HOUR); // 03:05 Lima: the review deadline (03:00) has passed
  const alert = await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] ALERTA: venció`));
  expect(alert.to).toEqual(expect.arrayContaining([NIGHT, JEFE_PRODUCCION]));
  expect(alert.to).not.toContain(TITULAR);
  expect(alert.to).not.toContain(SEGUIMIENTO);
  expect(alert.to).not.toContain(ROSTER);
  expect(mailsFor(d.dispatchId).filter((m) => m.subject.includes('ALERTA'))).toHaveLength(1);
});

test('the titular absent during the day: the reminder reaches the named substitute', async () => {
  const start = await skipToLima(10, [1, 2, 3, 4, 5]);
  await prisma.staffAbsence.create({
    data: { id: 'abs-1', username: 'jorge.salas', substituteUsername: 'ana.torres', startsAt: new Date(start.getTime() - HOUR), endsAt: new Date(start.getTime() + 8 * HOUR), reason: 'vacaciones', createdBy: 'test' },
  });
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { policyOverrides: { documentReviewMs: 2 * HOUR, reviewReminderBeforeMs: HOUR } }, start.toISOString());
  await handle.executeUpdate(documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'] }] });
  await stack.env.sleep(HOUR + 5 * 60_000);
  const reminder = await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] Recordatorio: Revisión de documentos`));
  expect(reminder.to).toEqual([SUBSTITUTE]);
});
