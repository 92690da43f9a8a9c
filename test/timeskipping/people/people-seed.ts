/** A small staff directory and read-model dispatches for the people tests (real PostgreSQL). */
import type { PrismaClient } from '../../../prisma/client';

export const STAFF = {
  titular: 'jorge.salas@agencia.example.pe',
  night: 'nora.paredes@agencia.example.pe',
  jefeServicio: 'marta.vega@agencia.example.pe',
  seguimiento: 'rosa.quispe@agencia.example.pe',
  jefeProduccion: 'pedro.rojas@agencia.example.pe',
};

export async function seedDirectory(prisma: PrismaClient): Promise<void> {
  const member = (username: string, name: string, email: string, position: string, shiftId: string | null, executiveId?: string) => ({ username, name, email, position, shiftId, executiveId, updatedBy: 'test' });
  await prisma.staffMember.createMany({
    data: [
      member('jorge.salas', 'Jorge Salas', STAFF.titular, 'esc', 'day', 'ESC-07'),
      member('nora.paredes', 'Nora Paredes', STAFF.night, 'esc', 'night', 'ESC-11'),
      member('marta.vega', 'Marta Vega', STAFF.jefeServicio, 'jefe_servicio_cliente', null),
      member('rosa.quispe', 'Rosa Quispe', STAFF.seguimiento, 'supervisora_seguimiento', 'day'),
      member('pedro.rojas', 'Pedro Rojas', STAFF.jefeProduccion, 'jefe_produccion', null),
    ],
    skipDuplicates: true,
  });
}

/** A dispatch in the read model only (no workflow), owned by ESC-07. */
export async function seedReadModelDispatch(prisma: PrismaClient, id: string, fields: { nextDeadlineAt?: Date; nextDeadlineClock?: string; status?: string } = {}): Promise<void> {
  await prisma.client.upsert({ where: { ruc: '20100047218' }, create: { ruc: '20100047218', name: 'Importadora Andina S.A.C.' }, update: {} });
  await prisma.dispatch.create({
    data: {
      id, workflowId: `dispatch-${id}`, clientRuc: '20100047218', direction: 'import', regime: '10', modality: 'diferido', terminal: 'APMTC',
      status: fields.status ?? 'documents_reviewed', vessel: 'MSC Callao Express', eta: new Date('2026-12-01T15:00:00Z'), bl: 'MSCU1234567', goods: 'Repuestos',
      restrictedGoods: false, executiveId: 'ESC-07', executiveName: 'Jorge Salas', executiveEmail: STAFF.titular, openedAt: new Date('2026-11-30T15:00:00Z'),
      nextDeadlineAt: fields.nextDeadlineAt ?? null, nextDeadlineClock: fields.nextDeadlineClock ?? null,
    },
  });
}
