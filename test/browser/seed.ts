/**
 * Data for the board tests. Live dispatches go through the API and the real workflows; the past (closed
 * dispatches of the last weeks, partner service times) is written to the read model directly, as the workflows
 * would have left it, so the KPI and control charts have something to draw.
 */
import request from 'supertest';
import type { PrismaClient } from '../../prisma/client';
import { dispatchBody, IMPORT_DOCUMENTS } from '../api/bodies';
import { CLIENT_RUC, type ApiStack } from '../api/api-stack';

export const OTHER_RUC = '20512345678';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A dispatch further along: numbered, red channel, at DPWC (what a busy queue looks like). */
export async function seedRedChannelDispatch(api: ApiStack, damSerial: string): Promise<string> {
  const id = await openDispatch(api, { terminal: 'DPWC' });
  await actAs(api, id, 'documents-received', { documents: IMPORT_DOCUMENTS }).expect(200);
  for (const action of ['documents-reviewed', 'draft-emitted', 'draft-approved']) await actAs(api, id, action).expect(200);
  await actAs(api, id, 'dam-numbered', { damNumber: `118-2026-10-${damSerial}` }).expect(200);
  await actAs(api, id, 'channel-assigned', { channel: 'rojo' }).expect(200);
  return id;
}

/** Opens a dispatch through the API as the operator; returns its id. */
export async function openDispatch(api: ApiStack, overrides: Record<string, unknown> = {}): Promise<string> {
  const body = dispatchBody(overrides);
  await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(body).expect(201);
  return body.dispatchId;
}

export function actAs(api: ApiStack, id: string, action: string, body: Record<string, unknown> = {}) {
  return request(api.app).post(`/dispatches/${id}/actions/${action}`).set('Authorization', api.auth('operator')).send(body);
}

/**
 * The client agreed a very short document review (2 s): once its documents are in, the dispatch is overdue
 * within seconds, as a 48 h clock would be two days later.
 */
export async function seedOverdueDispatch(api: ApiStack): Promise<string> {
  await request(api.app).put(`/clients/${CLIENT_RUC}`).set('Authorization', api.auth('admin'))
    .send({ name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: 'lucia.ramos@andina.example.pe' }], deadlineOverrides: { documentReviewMs: 2_000, reviewReminderBeforeMs: 1_000 } })
    .expect((res) => expect([200, 201]).toContain(res.status));
  const id = await openDispatch(api);
  await actAs(api, id, 'documents-received', { documents: IMPORT_DOCUMENTS }).expect(200);
  return id;
}

/** Closed dispatches of the last eight weeks with their status history: what the KPIs are computed from. */
export async function seedHistory(prisma: PrismaClient, now = Date.now()): Promise<void> {
  await prisma.client.upsert({ where: { ruc: OTHER_RUC }, create: { ruc: OTHER_RUC, name: 'Exportadora Norte S.A.' }, update: {} });
  const channels = ['verde', 'naranja', 'rojo'] as const;
  for (let i = 0; i < 32; i++) {
    const opened = now - (56 - i * 1.65) * DAY;
    const channel = channels[i % 3]!;
    const exportDispatch = i % 4 === 3;
    // Later weeks do better than earlier ones: the trend the charts should show.
    const reviewH = [20, 30, 52, 40][i % 4]! - (i > 16 ? 12 : 0);
    const draftH = [10, 22, 30, 18][i % 4]! - (i > 16 ? 6 : 0);
    const levanteH = channel === 'verde' ? 4 + (i % 3) : channel === 'naranja' ? 20 + (i % 7) : 60 + (i % 9) * 2;
    const base: [string, number][] = [['opened', 0], ['documents_complete', 6], ['documents_reviewed', 6 + reviewH]];
    const tail = 6 + reviewH;
    const steps: [string, number][] = exportDispatch
      ? [...base, ['cargo_entry_registered', tail + 10], ['seals_registered', tail + 12], ['shipped', tail + 30], ['regularized', tail + 30 + (i % 8 === 3 ? 12 : 7) * 24], ['closed', tail + 30 + 13 * 24]]
      : [...base, ['draft_emitted', tail + draftH], ['draft_approved', tail + draftH + 4], ['dam_numbered', tail + draftH + 8], ['channel_assigned', tail + draftH + 9], ['released', tail + draftH + 8 + levanteH], ['closed', tail + draftH + 8 + levanteH + 30]];
    const id = `HIST-2026-${String(i).padStart(4, '0')}`;
    const at = (h: number) => new Date(opened + h * HOUR);
    await prisma.dispatch.create({
      data: {
        id, workflowId: `dispatch-${id}`, clientRuc: OTHER_RUC, direction: exportDispatch ? 'export' : 'import', regime: exportDispatch ? '40' : '10', modality: 'diferido', terminal: i % 2 ? 'APMTC' : 'DPWC',
        status: 'closed', channel: exportDispatch ? null : channel, damNumber: `118-2026-10-${String(900000 + i)}`, vessel: 'MSC Callao Express', eta: at(-24), bl: `HIST${i}`, goods: 'Repuestos',
        restrictedGoods: false, executiveId: i % 3 ? 'ESC-07' : 'ESC-03', executiveName: i % 3 ? 'Jorge Salas' : 'Ana Torres', executiveEmail: 'esc@agencia.example.pe',
        openedAt: at(0), closedAt: at(steps.at(-1)![1]),
        statusHistory: { create: steps.map(([status, h], n) => ({ status, at: at(h), actor: 'historico', idempotencyKey: `dispatch-${id}/status/${n}` })) },
      },
    });
    if (i % 4 === 1) {
      await prisma.glosa.create({ data: { dispatchId: id, code: '10110', payload: { description: 'Atención fuera de horario', reason: 'out_of_hours', amountPen: 150 + 10 * i }, actor: 'historico', at: at(30), idempotencyKey: `dispatch-${id}/glosa-10110/1` } });
    }
    if (i % 3 === 2) {
      const category = i % 2 ? 'demurrage' : 'complaint';
      await prisma.incident.create({ data: { dispatchId: id, kind: category === 'complaint' ? 'complaint' : 'cost_contingency', description: `${category}: registrado en el histórico`, actor: 'historico', at: at(40), idempotencyKey: `dispatch-${id}/incident/REC-1` } });
      // Most are reported to the supervisor within hours; one in four too late.
      await prisma.auditEvent.create({ data: { actor: 'historico', action: 'dispatch.complaint-reported', target: id, at: at(i % 4 === 0 ? 100 : 43), details: { status: 200, body: { complaintId: 'REC-1' } } } });
    }
  }
}

/** A partner with levante service times around 16 h and one far outside the limits, and an open non-conformity. */
export async function seedPartner(prisma: PrismaClient, now = Date.now()): Promise<void> {
  await prisma.partner.create({
    data: { id: 'ALZ-CTG-01', name: 'Agencia Aliada del Caribe S.A.S.', nit: '900123456-7', accountManager: { name: 'Rosa Quispe', email: 'rosa.quispe@agencia.example.pe' }, offices: { create: [{ office: 'CTG', serviceTimes: { received: 4 * HOUR, declared: 8 * HOUR, inspection: 16 * HOUR, levante: 18 * HOUR, delivered: 8 * HOUR } }] } },
  });
  const hours = [15, 17, 16, 14, 18, 16, 15, 17, 16, 15, 41, 16, 17, 15];
  for (const [i, h] of hours.entries()) {
    const doNumber = `DO-CTG-${1000 + i}`;
    const reported = new Date(now - (hours.length - i) * DAY);
    await prisma.externalOperation.create({ data: { doNumber, workflowId: `partner-operation-${doNumber}`, partnerId: 'ALZ-CTG-01', office: 'CTG', status: 'delivered', assignedAt: new Date(reported.getTime() - 3 * DAY) } });
    await prisma.operationMilestone.create({
      data: { doNumber, partnerId: 'ALZ-CTG-01', office: 'CTG', milestone: 'levante', startedAt: new Date(reported.getTime() - h * HOUR), reportedAt: reported, dueAt: new Date(reported.getTime() + HOUR), serviceSeconds: h * 3600, targetSeconds: 18 * 3600, onTime: h <= 18, reportedBy: 'aliado' },
    });
  }
  await prisma.nonConformity.create({
    data: { id: 'NC-ALZ-CTG-01-1', workflowId: 'corrective-action-NC-ALZ-CTG-01-1', partnerId: 'ALZ-CTG-01', source: 'breach', description: 'Levante de DO-CTG-1010 en 41 h (pactado 18 h)', doNumber: 'DO-CTG-1010', office: 'CTG', milestone: 'levante', openedAt: new Date(now - 3 * DAY), openedBy: 'levante', ownerName: 'Rosa Quispe', ownerEmail: 'rosa.quispe@agencia.example.pe', dueAt: new Date(now + 7 * DAY), status: 'open', actionPlan: 'Reforzar la coordinación con el agente de aduana en Cartagena' },
  });
}
