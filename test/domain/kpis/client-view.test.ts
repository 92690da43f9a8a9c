import { toClientView } from '../../../domain/board/client-view';
import { dispatchTimeline } from '../../../domain/board/timeline';
import type { DispatchView } from '../../../domain/dispatch-view';

const view = {
  dispatchId: 'DSP-1', status: 'documents_reviewed', statusLabel: 'Documentos revisados', direction: 'import', regime: '10', modality: 'diferido', terminal: 'APMTC',
  client: { ruc: '20100047218', name: 'Importadora Andina S.A.C.' }, executive: { name: 'Jorge Salas', email: 'jorge@agencia.example.pe' },
  vessel: 'MSC Callao Express', eta: '2026-12-01T15:00:00.000Z', bl: 'MSCU1234567', restrictedGoods: false,
  requiredDocuments: ['commercial_invoice', 'insurance'], documentsReceived: { commercial_invoice: '2026-12-01T10:00:00.000Z' }, missingDocuments: ['insurance'],
  deadlines: [{ clock: 'dam_draft', dueAt: '2026-12-02T12:00:00.000Z', label: 'Borrador' }], atRisk: false, overdue: false, nextActions: ['draftEmitted'],
  complaints: [{ id: 'REC-1', category: 'demurrage', description: 'interno', at: '2026-12-01T11:00:00.000Z', actor: 'x' }],
  incidents: [{ id: 'INC-2', kind: 'terminal', description: 'interno', at: '2026-12-01T11:00:00.000Z', actor: 'x' }],
  extraordinaryServices: [{ id: 'SRV-3', description: 'fuera de horario', reason: 'out_of_hours', amountPen: 200, at: '2026-12-01T11:00:00.000Z', actor: 'x' }],
  terminalBookings: [],
  milestones: { dispatchId: 'DSP-1', direction: 'import', regime: '10', modality: 'diferido', terminal: 'APMTC', restrictedGoods: false, withdrawal: {}, documentsReviewedAt: '2026-12-02T09:00:00.000Z', updatedAt: '2026-12-02T09:00:00.000Z' },
  openedAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-02T09:00:00.000Z',
} as unknown as DispatchView;

test('the client view keeps status, dates and pending documents, never executives, incidents, complaints or billing', () => {
  const v = toClientView(view, '2026-12-02T13:00:00.000Z');
  expect(v.pendingDocuments).toEqual([{ kind: 'insurance', label: 'Póliza o certificado de seguro' }]);
  expect(JSON.stringify(v)).not.toMatch(/Jorge|interno|fuera de horario|REC-1|INC-2/);
  for (const key of ['executive', 'incidents', 'complaints', 'extraordinaryServices', 'terminalBookings', 'deadlines']) expect(v).not.toHaveProperty(key);
});

test('the timeline plans each milestone from its open deadline or the predecessor plus the policy, and marks lateness', () => {
  const steps = dispatchTimeline(view, '2026-12-02T13:00:00.000Z');
  const by = Object.fromEntries(steps.map((s) => [s.key, s]));
  expect(by.arrival).toMatchObject({ planned: '2026-12-01T15:00:00.000Z', state: 'overdue' });
  expect(by.review).toMatchObject({ planned: '2026-12-03T10:00:00.000Z', actual: '2026-12-02T09:00:00.000Z', state: 'done' });
  expect(by.draft).toMatchObject({ planned: '2026-12-02T12:00:00.000Z', state: 'overdue' });
  expect(steps.map((s) => s.key)).not.toContain('senasa');
});
