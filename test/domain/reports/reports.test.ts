import { DEFAULT_POLICY } from '../../../domain/clocks';
import { sideEffectKey } from '../../../domain/ids';
import { dueEscalations, nightShiftWindow, remindersDue, renderClientReport, renderExpirySweep, renderSupervisorDigest } from '../../../domain/reports';

const line = {
  dispatchId: 'DSP-2026-000123',
  damNumber: '118-2026-10-000123',
  regime: '10' as const,
  terminal: 'DPWC' as const,
  status: 'channel_assigned',
  channel: 'rojo' as const,
  eta: '2026-12-01T15:00:00.000Z',
  vessel: 'MSC Callao Express',
  bl: 'MSCU1234567',
  note: 'Reconocimiento físico programado',
  statusAt: '2026-11-30T14:30:00.000Z',
};

test('the client report lists each open dispatch with status, ETA, vessel, channel and next step in Spanish', () => {
  const { subject, text } = renderClientReport({ client: { ruc: '20100047218', name: 'Importadora Andina S.A.C.' }, lines: [line] }, '2026-12-01T13:00:00.000Z');
  expect(subject).toBe('Reporte de estado de sus despachos al 01/12/2026 — Importadora Andina S.A.C.');
  expect(text).toContain('1. Despacho DSP-2026-000123 · DAM 118-2026-10-000123 · Régimen 10 · DPWC · BL MSCU1234567');
  expect(text).toContain('Estado: Canal de control asignado (actualizado el 30/11/2026 09:30)');
  expect(text).toContain('Nave: MSC Callao Express · ETA: 01/12/2026 10:00');
  expect(text).toContain('Canal de control: rojo (reconocimiento físico)');
  expect(text).toContain('Observación: Reconocimiento físico programado');
  expect(text).toContain('Próximo paso: Levante (o inspección de SENASA si la mercancía es restringida)');
});

test('the supervisor digest covers the night shift and separates overdue from at risk', () => {
  expect(nightShiftWindow('2026-12-01T13:00:00.000Z')).toEqual({ from: '2026-12-01T03:00:00.000Z', to: '2026-12-01T13:00:00.000Z' });
  const base = { clientRuc: '20100047218', status: 'opened', executiveId: 'ESC-07', nextDeadlineClock: 'document_review', nextDeadlineAt: '2026-12-01T05:00:00.000Z' };
  const { subject, text } = renderSupervisorDigest(
    {
      window: nightShiftWindow('2026-12-01T13:00:00.000Z'),
      dispatches: [{ ...base, dispatchId: 'DSP-1', atRisk: true, overdue: true }, { ...base, dispatchId: 'DSP-2', atRisk: true, overdue: false }],
      complaints: [],
      terminalIncidents: [],
      extraordinaryServices: [{ dispatchId: 'DSP-3', description: 'Aforo nocturno', reason: 'out_of_hours', amountPen: '350.00', at: '2026-12-01T04:00:00.000Z' }],
    },
    '2026-12-01T13:00:00.000Z',
  );
  expect(subject).toBe('Resumen del turno noche al 01/12/2026: 1 vencidos, 1 en riesgo, 0 reclamos sin informar');
  expect(text).toContain('Turno noche del 30/11/2026 22:00 al 01/12/2026 08:00 (hora de Lima).');
  expect(text).toContain('Despachos con plazo vencido (1)\n  - DSP-1 · RUC 20100047218 · opened · ejecutivo ESC-07 · próximo plazo: Revisión de documentos (01/12/2026 00:00)');
  expect(text).toContain('Despachos en riesgo (1)\n  - DSP-2');
  expect(text).toContain('Reclamos y contingencias sin informar al supervisor (0)\n  Ninguno.');
  expect(text).toContain('  - DSP-3 · Aforo nocturno · fuera de horario · S/ 350.00 (30/11/2026 23:00)');
});

test('the expiry sweep flags reminders that are due but not in the sent-mail log, and says nothing when nothing expires', () => {
  const now = '2026-12-01T13:00:00.000Z';
  const expiresAt = '2027-01-15T05:00:00.000Z'; // 45 days later: the 90- and 60-day reminders are due
  expect(remindersDue(expiresAt, DEFAULT_POLICY.regimeExpiryRemindersDays, now)).toEqual([90, 60]);
  const rendered = renderExpirySweep(
    {
      regimes: [{ dispatchId: 'DSP-9', clientRuc: '20100047218', regime: '20', expiresAt, remindersDue: [90, 60], remindersSent: [90] }],
      mandates: [{ clientRuc: '20100047218', clientName: 'Importadora Andina S.A.C.', expiresAt: '2026-12-20T05:00:00.000Z' }],
    },
    now,
  );
  expect(rendered?.subject).toBe('Barrido de vencimientos al 01/12/2026: 1 regímenes, 1 mandatos, 1 sin recordatorio');
  expect(rendered?.text).toContain('  - DSP-9 · RUC 20100047218 · régimen 20 · 15/01/2027 (vence en 45 días) · ATENCIÓN: no consta el recordatorio de 60 días');
  expect(rendered?.text).toContain('  - Importadora Andina S.A.C. · RUC 20100047218 · 20/12/2026 (vence en 19 días)');
  expect(renderExpirySweep({ regimes: [], mandates: [] }, now)).toBeNull();
});

test('due escalations carry the dispatch workflow own notice keys, after the grace period only', () => {
  const workflowId = 'dispatch-DSP-1';
  const deadlines = [
    { clock: 'document_review' as const, dueAt: '2026-12-01T12:00:00.000Z', label: 'Revisión de documentos', ref: 'receipt-1' },
    { clock: 'complaint_escalation' as const, dueAt: '2026-12-01T12:55:00.000Z', label: 'Reporte', ref: 'REC-2' },
    { clock: 'regime_expiry' as const, dueAt: '2026-11-01T12:00:00.000Z', label: 'Vencimiento del régimen', ref: 'regime-20' },
  ];
  const complaints = [{ id: 'REC-2', category: 'demurrage', description: 'Sobreestadía', at: '2026-11-28T12:00:00.000Z', actor: 'ana' }];
  const due = dueEscalations({ workflowId, deadlines, complaints }, '2026-12-01T13:00:00.000Z', 10 * 60_000);
  expect(due).toEqual([
    {
      idempotencyKey: sideEffectKey(workflowId, 'notice/document_review/receipt-1/missed'),
      audience: ['supervisors', 'executive'],
      notification: { kind: 'deadline_missed', clock: 'document_review', dueAt: '2026-12-01T12:00:00.000Z', label: 'Revisión de documentos' },
    },
  ]);
  const later = dueEscalations({ workflowId, deadlines, complaints }, '2026-12-01T13:10:00.000Z', 10 * 60_000);
  expect(later.map((e) => e.idempotencyKey)).toEqual([
    'dispatch-DSP-1/notice/document_review/receipt-1/missed',
    'dispatch-DSP-1/notice/complaint_escalation/REC-2/missed',
  ]);
  expect(later[1]?.notification).toMatchObject({ kind: 'complaint_escalation', complaint: 'Sobreestadía', category: 'demurrage' });
});
