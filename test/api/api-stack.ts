/**
 * The API over the real stack for one test file: a fresh database, real SMTP, the terminal simulator, a real
 * worker on its own task queue (test/support/stack.ts), createApp over them, and one API key per role.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Express } from 'express';
import { createPrismaRecordStore } from '../../activities/records';
import { auditsWritten, createApp, type ApiDeps } from '../../api/app';
import { createApiKey } from '../../api/api-keys';
import { listeningPrincipalCache, type PrincipalCache } from '../../api/principal-cache';
import type { Role } from '../../api/principal';
import type { PrismaClient } from '../../prisma/client';
import { workflowBundlePath } from '../support/env';
import { startTestStack, type TestStack } from '../support/stack';

export const CLIENT_RUC = '20100047218';

/** The integration project has no bundle global setup: build it here once (atomic rename, safe across files). */
export async function ensureWorkflowBundle(): Promise<void> {
  const path = workflowBundlePath();
  if (existsSync(path)) return;
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} },
  });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, path);
}

export type Keys = Record<Role, string>;

/** One key per role; the client key reads only CLIENT_RUC. Names become the actors. */
export async function seedKeys(prisma: PrismaClient): Promise<Keys> {
  const make = async (role: Role, name: string) => (await createApiKey(prisma, { role, name, clientRuc: role === 'client' ? CLIENT_RUC : undefined })).key;
  return {
    operator: await make('operator', 'operador.noche'),
    supervisor: await make('supervisor', 'supervisora.rosa'),
    admin: await make('admin', 'admin.sistemas'),
    client: await make('client', 'cliente.andina'),
  };
}

export interface ApiStack {
  stack: TestStack;
  app: Express;
  deps: ApiDeps;
  keys: Keys;
  /** The API key cache, as the API runs it (listening for key changes on the test database). */
  principals: PrincipalCache;
  /** `Authorization` header value for a role. */
  auth(role: Role): string;
  close(): Promise<void>;
}

export async function startApiStack(name: string, extra: Partial<ApiDeps> = {}): Promise<ApiStack> {
  await ensureWorkflowBundle();
  const stack = await startTestStack(name);
  const principals = listeningPrincipalCache({ databaseUrl: stack.config.DATABASE_URL, logger: { info() {}, warn() {}, error: console.error } });
  const deps: ApiDeps = {
    temporal: stack.client,
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    store: createPrismaRecordStore(stack.prisma),
    prisma: stack.prisma,
    principals,
    health: async () => ({ temporal: true, database: true }),
    // 5xx are logged with their cause: a test that meets one shows why.
    logger: { info() {}, warn() {}, error: (message, fields) => console.error(message, fields) },
    ...extra,
  };
  const keys = await seedKeys(stack.prisma);
  const app = createApp(deps);
  return {
    stack,
    deps,
    app,
    keys,
    principals,
    auth: (role) => `Bearer ${keys[role]}`,
    close: async () => {
      await auditsWritten(app);
      await principals.close();
      await stack.close();
    },
  };
}
