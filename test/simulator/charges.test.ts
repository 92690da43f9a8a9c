import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { http, key } from './simulator.helpers';

describe('simulator proformas and liquidations', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => http(sim.url, 'POST', '/_admin/reset'));

  const request = {
    bl: 'MAEU240001234',
    containers: [
      { containerNumber: 'MSKU1234565', size: '20' },
      { containerNumber: 'TGHU7654321', size: '40' },
    ],
    storageDays: 5,
  };

  it('quotes handling, storage beyond 3 free days and the documentation fee, plus 18% IGV', async () => {
    const res = await http(sim.url, 'POST', '/terminals/APMTC/proformas', request);
    expect(res.status).toBe(201);
    const { proforma } = res.body;
    expect(proforma.lines.map((l: { code: string; amount: number }) => [l.code, l.amount])).toEqual([
      ['HANDLING_20', 185],
      ['HANDLING_40', 245],
      ['STORAGE', 100], // 2 chargeable days × 2 containers × 25
      ['DOC_FEE', 45],
    ]);
    expect(proforma).toMatchObject({ currency: 'USD', subtotal: 575, igv: 103.5, total: 678.5 });
  });

  it('prices DP World with its own tariff', async () => {
    const res = await http(sim.url, 'POST', '/terminals/DPWC/proformas', { ...request, storageDays: 0 });
    expect(res.body.proforma).toMatchObject({ subtotal: 175 + 235 + 50, terminal: 'DPWC' });
  });

  it('replays a proforma when the same key is sent', async () => {
    const first = await http(sim.url, 'POST', '/terminals/APMTC/proformas', request, key('prf-1'));
    const replay = await http(sim.url, 'POST', '/terminals/APMTC/proformas', request, key('prf-1'));
    expect(replay.status).toBe(200);
    expect(replay.body.proforma.id).toBe(first.body.proforma.id);
    expect((await http(sim.url, 'GET', '/_admin/charges')).body.proformas).toHaveLength(1);
  });

  it('settles a liquidation against an existing proforma of the same BL', async () => {
    const { body } = await http(sim.url, 'POST', '/terminals/APMTC/proformas', request);
    const res = await http(sim.url, 'POST', '/terminals/APMTC/liquidations', { ...request, proformaId: body.proforma.id });
    expect(res.status).toBe(201);
    expect(res.body.liquidation).toMatchObject({ proformaId: body.proforma.id, total: 678.5 });
  });

  it('rejects a liquidation naming an unknown proforma with 422 PROFORMA_NOT_FOUND', async () => {
    const res = await http(sim.url, 'POST', '/terminals/DPWC/liquidations', { ...request, proformaId: 'DPWC-PRF-999999' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PROFORMA_NOT_FOUND');
  });
});
