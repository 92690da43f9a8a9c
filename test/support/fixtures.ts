/** Sample dispatches for tests: plausible Callao data, unique ids. */
import type { DispatchInput } from '../../domain/dispatch';
import { dispatchWorkflowId } from '../../domain/ids';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { ClientAgreement } from '../../workflows/dispatch.messages';
import type { dispatchWorkflow } from '../../workflows';
import { uniqueId } from './env';

export function sampleDispatch(overrides: Partial<DispatchInput> = {}): DispatchInput {
  return {
    dispatchId: uniqueId('DSP').toUpperCase(),
    client: {
      ruc: '20100047218',
      name: 'Importadora Andina S.A.C.',
      contacts: [{ name: 'Lucía Ramos', email: 'lucia.ramos@andina.example.pe' }],
    },
    regime: '10',
    modality: 'diferido',
    terminal: 'APMTC',
    vessel: 'MSC Callao Express',
    eta: '2026-12-01T10:00:00.000Z',
    bl: `MSCU${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`,
    goods: 'Repuestos de maquinaria',
    containers: [{ containerNumber: 'MSCU7654321', size: '40' }],
    restrictedGoods: false,
    executive: { id: 'ESC-07', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe' },
    openedBy: 'operador.noche',
    ...overrides,
  };
}

/** Starts a dispatch workflow the way the API does (business id → workflow id). */
export async function startDispatch(
  client: Client,
  taskQueue: string,
  dispatch: DispatchInput,
  agreement?: ClientAgreement,
  openedAt = new Date().toISOString(),
): Promise<WorkflowHandle<typeof dispatchWorkflow>> {
  return client.workflow.start('dispatchWorkflow', {
    taskQueue,
    workflowId: dispatchWorkflowId(dispatch.dispatchId),
    args: [{ dispatch, openedAt, agreement }],
  }) as Promise<WorkflowHandle<typeof dispatchWorkflow>>;
}
