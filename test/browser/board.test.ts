/**
 * The control board as people use it, in Debian's Chromium: sign in, find the overdue dispatch in the work queue,
 * record an action from its button, read a refused action's Spanish reason, see a new dispatch appear without
 * reloading, the supervisor's KPI charts and the partners' control chart, a client who sees only its own
 * dispatches, sign-out; an axe-core scan and a screenshot of every page.
 */
import { auditsWritten } from '../../api/app';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { waitFor } from '../support/wait-for';
import { CLIENT_RUC } from '../api/api-stack';
import { launchChromium, screenshot, seriousViolations } from './browser';
import { PASSWORD, PEOPLE, startBoardStack, type BoardStack } from './board-stack';
import { OTHER_RUC, actAs, openDispatch, seedHistory, seedOverdueDispatch, seedPartner, seedRedChannelDispatch } from './seed';

jest.setTimeout(60_000);

let board: BoardStack;
let browser: Browser;
const ids = { overdue: '', other: '' };
const cspViolations: string[] = [];

beforeAll(async () => {
  [board, browser] = await Promise.all([startBoardStack('board'), launchChromium()]);
  ids.overdue = await seedOverdueDispatch(board.api);
  ids.other = await openDispatch(board.api, { client: { ruc: OTHER_RUC, name: 'Exportadora Norte S.A.', contacts: [] } });
  await seedRedChannelDispatch(board.api, '000731');
  await seedHistory(board.api.stack.prisma);
  await seedPartner(board.api.stack.prisma);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await board?.close();
});

async function signIn(person: keyof typeof PEOPLE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'es-PE', timezoneId: 'America/Lima', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(`${board.url}/board`);
  await page.waitForURL(/\/board\/entrar/);
  await page.getByLabel('Usuario').fill(PEOPLE[person].username);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(person === 'client' ? /\/board\/portal/ : /\/board\/cola/);
  return { context, page };
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('operator', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await signIn('operator')));
  afterAll(() => context.close());

  test('the work queue shows the overdue dispatch first, marked overdue, with strict security headers', async () => {
    const response = await page.reload();
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response!.headers()['x-frame-options']).toBe('SAMEORIGIN');
    const row = page.locator(`tr[data-dispatch="${ids.overdue}"]`);
    await expect(row.getAttribute('class')).resolves.toBeDefined();
    // The page's own refresh turns the row red: no reload here.
    // Polled from the test through the locator: a waitForFunction predicate would be evaluated inside the page,
    // where the board's strict CSP (no 'unsafe-eval') refuses it once it has to poll.
    await waitFor(async () => (await row.getAttribute('class'))?.split(/\s+/).includes('vencido'), { timeout: 15_000, interval: 250, what: 'the overdue row turning red' });
    await expect(row.locator('td').nth(9).textContent()).resolves.toMatch(/Vencido/);
    // The operator's own queue: the other client's dispatch is also ESC-07's, so it is listed too, but after.
    await screenshot(page, 'work-queue');
    await expectAccessible(page);
  });

  test('a new dispatch appears in the open queue without reloading', async () => {
    await page.goto(`${board.url}/board/cola`);
    const fresh = await openDispatch(board.api);
    await page.locator(`tr[data-dispatch="${fresh}"]`).waitFor({ timeout: 10_000 });
  });

  test('records an action from its button, audited with the person’s name', async () => {
    await page.goto(`${board.url}/board/cola?riesgo=vencido`);
    await page.getByRole('link', { name: ids.overdue }).click();
    await page.waitForURL(new RegExp(`/board/despachos/${ids.overdue}`));
    await expect(page.getByRole('heading', { name: 'Línea de tiempo (previsto y real)' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'dispatch');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrar revisión de documentos' }).click();
    await page.getByText('Acción registrada: Registrar revisión de documentos.').waitFor();
    await auditsWritten(board.api.app); // audit rows are written right after the answer
    const audit = await board.api.stack.prisma.auditEvent.findFirst({ where: { action: 'dispatch.documents-reviewed', target: ids.overdue } });
    expect(audit).toMatchObject({ actor: 'Jorge Salas', details: expect.objectContaining({ via: 'board', status: 200 }) });
  });

  test('a refused action shows the validator’s Spanish reason next to its button', async () => {
    await page.locator('summary', { hasText: 'Cerrar el despacho' }).click();
    await page.getByRole('button', { name: 'Cerrar el despacho' }).click();
    const reason = page.locator('#accion-close-motivo');
    await reason.waitFor();
    await expect(reason.textContent()).resolves.toMatch(/^No se puede cerrar el despacho/);
    await screenshot(page, 'dispatch-refused');
  });

  test('a state-changing request without the CSRF token is refused', async () => {
    const status = await page.evaluate(async (id) => (await fetch(`/board/despachos/${id}/acciones/documents-reviewed`, { method: 'POST', body: new URLSearchParams({ _key: 'x' }) })).status, ids.overdue);
    expect(status).toBe(403);
  });

  test('the supervisor view answers 403 to an operator, and the partners page draws its control chart', async () => {
    const res = await page.goto(`${board.url}/board/indicadores`);
    expect(res!.status()).toBe(403);
    await page.goto(`${board.url}/board/aliados`);
    await page.waitForFunction(`Chart.getChart(document.querySelector('canvas.xmr')) !== undefined`);
    await expect(page.getByText('1 fuera de control').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Reforzar la coordinación con el agente de aduana en Cartagena').isVisible()).resolves.toBe(true);
    await screenshot(page, 'partners');
    await expectAccessible(page);
  });

  test('signs out', async () => {
    await page.goto(`${board.url}/board/cola`);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL(/\/board\/entrar\?salio=1/);
    await page.goto(`${board.url}/board/cola`);
    await page.waitForURL(/\/board\/entrar/);
  });
});

describe('supervisor', () => {
  test('sees the KPIs of the period, one chart each, and the Temporal Web link', async () => {
    const { context, page } = await signIn('supervisor');
    try {
      await page.goto(`${board.url}/board/indicadores`);
      const ids_ = ['kpi-docs', 'kpi-draft', 'kpi-levante', 'kpi-regularization', 'kpi-complaints', 'kpi-costs', 'kpi-extra'];
      // Each canvas holds a drawn chart.js chart.
      await page.waitForFunction(`${JSON.stringify(ids_)}.every((id) => Chart.getChart(document.getElementById(id)) !== undefined)`);
      await expect(page.locator('#kpi-docs-t + .value').textContent()).resolves.toMatch(/%/);
      await screenshot(page, 'supervisor-kpis');
      await expectAccessible(page);
      await page.goto(`${board.url}/board/despachos/${ids.overdue}`);
      const link = page.getByRole('link', { name: 'Ver el workflow en Temporal Web' });
      await expect(link.getAttribute('href')).resolves.toBe(`http://localhost:8233/namespaces/levante-test/workflows/dispatch-${ids.overdue}`);
    } finally {
      await context.close();
    }
  });
});

describe('client', () => {
  test('sees only its own dispatches and only client-facing facts', async () => {
    const { context, page } = await signIn('client');
    try {
      await expect(page.getByRole('link', { name: ids.overdue }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: ids.other }).count()).resolves.toBe(0);
      await screenshot(page, 'client-portal');
      await expectAccessible(page);
      await page.getByRole('link', { name: ids.overdue }).click();
      await page.getByRole('heading', { name: 'Fechas previstas y reales' }).waitFor();
      expect(await page.content()).not.toMatch(/Jorge Salas|Incidencias|10110/);
      await screenshot(page, 'client-dispatch');
      await expectAccessible(page);
      expect((await page.goto(`${board.url}/board/portal/despachos/${ids.other}`))!.status()).toBe(404);
      expect((await page.goto(`${board.url}/board/cola`))!.status()).toBe(403);
      expect((await page.goto(`${board.url}/board/despachos/${ids.overdue}`))!.status()).toBe(403);
    } finally {
      await context.close();
    }
  });

  test('the API answers a client key with client-facing facts only', async () => {
    await actAs(board.api, ids.overdue, 'incident', { kind: 'terminal', description: 'Demora en la balanza del terminal' }).expect(200);
    const res = await request(board.api.app).get(`/dispatches/${ids.overdue}`).set('Authorization', board.api.auth('client')).expect(200);
    expect(res.body.dispatch).toMatchObject({ dispatchId: ids.overdue, client: { ruc: CLIENT_RUC } });
    for (const internal of ['executive', 'incidents', 'complaints', 'extraordinaryServices', 'terminalBookings', 'deadlines']) expect(res.body.dispatch).not.toHaveProperty(internal);
    const list = await request(board.api.app).get('/dispatches').set('Authorization', board.api.auth('client')).expect(200);
    expect(list.body.items[0]).not.toHaveProperty('executiveName');
  });
});

describe('sign-in safety', () => {
  test('repeated failed sign-ins are slowed down and logged', async () => {
    const agent = request(board.api.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await agent.post('/board/entrar').type('form').send({ usuario: 'rosa.quispe', clave: 'no-es-la-clave' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    await auditsWritten(board.api.app); // audit rows are written right after the answer
    const logged = await board.api.stack.prisma.auditEvent.count({ where: { action: 'board.sign_in_failed', actor: 'rosa.quispe' } });
    expect(logged).toBe(3);
  });

  test('accounts are made by an admin; the audit trail never keeps the password, the table only its scrypt hash', async () => {
    await auditsWritten(board.api.app); // audit rows are written right after the answer
    const audit = await board.api.stack.prisma.auditEvent.findFirst({ where: { action: 'staff.put', target: 'rosa.quispe' } });
    expect(audit).toMatchObject({ actor: 'admin.sistemas', details: expect.objectContaining({ status: 201, body: expect.objectContaining({ password: '[oculto]' }) }) });
    const account = await board.api.stack.prisma.staffAccount.findUniqueOrThrow({ where: { username: 'rosa.quispe' } });
    expect(account.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await auditsWritten(board.api.app); // audit rows are written right after the answer
    expect(JSON.stringify(await board.api.stack.prisma.auditEvent.findMany())).not.toContain(PASSWORD);
    await request(board.api.app).put('/staff-accounts/intruso').set('Authorization', board.api.auth('operator')).send({ name: 'X', role: 'admin', function: 'admin', password: PASSWORD }).expect(403);
  });

  test('no page broke the Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
