/**
 * OpenAPI 3.1 document generated from the route registry: parameters, bodies and responses come from the same
 * zod schemas the routes validate with (JSON Schema draft 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import { errorResponse } from './schemas/common.schemas';
import type { RouteRegistry, RouteSpec } from './routing';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorOf = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

/** Errors any authenticated route may answer, besides its own. */
const COMMON_ERRORS = {
  400: errorOf('Datos inválidos: `issues` indica cada campo y el motivo'),
  401: errorOf('Falta la credencial o no es válida'),
  403: errorOf('El rol de la credencial no permite la operación'),
  503: errorOf('Temporal o PostgreSQL no están disponibles; reintente tras `Retry-After` segundos'),
};

function parameters(spec: RouteSpec): unknown[] {
  const fromObject = (obj: z.ZodObject | undefined, where: 'path' | 'query') =>
    Object.entries(obj?.shape ?? {}).map(([name, field]) => {
      const schema = field as z.ZodType;
      return { name, in: where, required: where === 'path' || !schema.safeParse(undefined).success, schema: jsonSchema(schema) };
    });
  const headers = (spec.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, description: h.description, schema: jsonSchema(h.schema) }));
  return [...fromObject(spec.params, 'path'), ...fromObject(spec.query, 'query'), ...headers];
}

function operation(spec: RouteSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const ok = Number(status) < 400;
    responses[status] = r.schema
      ? { description: r.description, content: { 'application/json': { schema: ok ? jsonSchema(r.schema) : ERROR_REF } } }
      : ok
        ? { description: r.description, content: { 'application/json': { schema: { type: 'object' } } } }
        : errorOf(r.description);
  }
  const isPublic = spec.roles === 'public';
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(isPublic ? { security: [] } : { description: `Roles: ${(spec.roles as string[]).join(', ')}.` }),
    parameters: parameters(spec),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } } : {}),
    responses: { ...(isPublic ? {} : COMMON_ERRORS), ...responses },
  };
}

export function buildOpenApi(registry: RouteRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.routes) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Levante API',
      version,
      description: 'API de operadores de Levante: despachos aduaneros, acciones del ciclo de vida, clientes, supervisores y calendario.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Clave de API creada con `npm run apikey:create`.' } },
      schemas: { Error: jsonSchema(errorResponse) },
    },
    paths,
  };
}
