/**
 * The board over the real stack (test/api/api-stack.ts: fresh PostgreSQL, SMTP, simulator, real worker) listening
 * on a free port, with one board account per person and dispatches opened through the real workflows.
 */
import type { Server } from 'node:http';
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api/api-stack';

export interface BoardStack {
  api: ApiStack;
  url: string;
  close(): Promise<void>;
}

export const PASSWORD = 'clave-de-prueba-segura';

export const PEOPLE = {
  operator: { username: 'jorge.salas', name: 'Jorge Salas', role: 'operator', function: 'esc', executiveId: 'ESC-07' },
  supervisor: { username: 'rosa.quispe', name: 'Rosa Quispe', role: 'supervisor', function: 'supervision' },
  client: { username: 'lucia.andina', name: 'Lucía Ramos (Andina)', role: 'client', function: 'client', clientRuc: '20100047218' },
} as const;

export async function startBoardStack(name: string): Promise<BoardStack> {
  const api = await startApiStack(name, { board: { pollMs: 1000, temporalWebUrl: 'http://localhost:8233', namespace: 'levante-test' } });
  // Accounts are made the way an admin makes them: through the API with an admin key.
  for (const person of Object.values(PEOPLE)) {
    await request(api.app).put(`/staff-accounts/${person.username}`).set('Authorization', api.auth('admin')).send({ ...person, username: undefined, password: PASSWORD }).expect(201);
  }
  const server = await new Promise<Server>((resolve) => {
    const s = api.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    api,
    url,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await api.close();
    },
  };
}
