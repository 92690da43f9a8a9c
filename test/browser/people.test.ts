/**
 * The people pages of the board in Debian's Chromium: who is on duty and the directory, the triage list of unfiled
 * emails, and a dispatch's written agreements and communication log; an axe-core scan and a screenshot of each.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium, screenshot, seriousViolations } from './browser';
import { PASSWORD, PEOPLE, startBoardStack, type BoardStack } from './board-stack';
import { openDispatch } from './seed';

jest.setTimeout(60_000);

let board: BoardStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dispatchId = '';

beforeAll(async () => {
  [board, browser] = await Promise.all([startBoardStack('board_people'), launchChromium()]);
  const { prisma } = board.api.stack;
  const member = (username: string, name: string, position: string, shiftId: string | null) => ({ username, name, email: `${username}@agencia.example.pe`, position, shiftId, updatedBy: 'test' });
  await prisma.staffMember.createMany({ data: [member('nora.paredes', 'Nora Paredes', 'esc', 'night'), member('pedro.rojas', 'Pedro Rojas', 'jefe_produccion', null), member('ana.torres', 'Ana Torres', 'esc', 'day')] });
  await prisma.staffAbsence.create({ data: { username: 'ana.torres', substituteUsername: 'nora.paredes', startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 86_400_000), reason: 'Descanso médico', createdBy: 'test' } });
  await prisma.communicationEntry.create({ data: { channel: 'mail', direction: 'inbound', messageId: 'sin-ref@cliente.example.pe', fromAddress: 'compras@cliente.example.pe', subject: 'Consulta sin referencia', summary: 'Hola', occurredAt: new Date(), recordedBy: 'levante-mail', triageReason: 'no_reference' } });
  dispatchId = await openDispatch(board.api);
  await request(board.api.app).post(`/dispatches/${dispatchId}/agreements`).set('Authorization', board.api.auth('operator')).send({
    source: 'client', agreedWith: 'Lucía Ramos (Importadora Andina)', agreedAt: new Date().toISOString(), content: 'Retiro de la carga el lunes a primera hora', channel: 'phone',
  }).expect(201);
  context = await browser.newContext({ locale: 'es-PE', timezoneId: 'America/Lima', viewport: { width: 1360, height: 900 } });
  page = await context.newPage();
  await page.goto(`${board.url}/board`);
  await page.getByLabel('Usuario').fill(PEOPLE.operator.username);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(/\/board\/cola/);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await board?.close();
});

test('the people page shows the directory, the absence and whom production escalates to', async () => {
  await page.getByRole('link', { name: 'Personal y turnos' }).click();
  await page.waitForURL(/\/board\/personal/);
  await expect(page.getByRole('heading', { name: 'Directorio' }).isVisible()).resolves.toBe(true);
  await expect(page.getByText('Producción: Pedro Rojas (Jefe de Producción y Legal Operativo)').isVisible()).resolves.toBe(true);
  await expect(page.getByRole('cell', { name: 'Descanso médico' }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'people');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the triage list shows the unfiled email', async () => {
  await page.goto(`${board.url}/board/clasificacion`);
  await expect(page.getByRole('cell', { name: 'Consulta sin referencia' }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('cell', { name: 'Sin referencia a un despacho' }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'triage');
  expect(await seriousViolations(page)).toEqual([]);
});

test("the dispatch page lists its written agreements and its communication log", async () => {
  await page.goto(`${board.url}/board/despachos/${dispatchId}`);
  await expect(page.getByRole('cell', { name: 'Retiro de la carga el lunes a primera hora' }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('heading', { name: 'Bitácora de comunicaciones' }).isVisible()).resolves.toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
});
