/**
 * A small route registry: each route is declared once with its zod schemas, roles and audit name; the same
 * declaration mounts the express handler (auth → validation → handler → audit) and feeds the OpenAPI document,
 * so the document cannot drift from what the routes accept.
 */
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { ApiError, toApiError, validationError, zodSpanish } from './errors';
import type { Principal, Role } from './principal';

export interface RouteContext<P, Q, B> {
  req: Request;
  params: P;
  query: Q;
  body: B;
  /** Null only on public routes. */
  principal: Principal;
  header(name: string): string | undefined;
}

export interface RouteResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface HeaderSpec {
  name: string;
  schema: z.ZodType<string>;
  description: string;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Schema = z.ZodObject | undefined;

export interface RouteSpec<PS extends Schema = Schema, QS extends Schema = Schema, BS extends Schema = Schema> {
  method: 'get' | 'post' | 'put';
  /** Express path, e.g. /dispatches/:id. */
  path: string;
  tag: string;
  summary: string;
  /** `public` routes need no credential (health, docs). */
  roles: readonly Role[] | 'public';
  params?: PS;
  query?: QS;
  body?: BS;
  headers?: HeaderSpec[];
  /** Documented responses besides the errors every route may return. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Mutating routes name their audit action and target. */
  audit?: (ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>>) => { action: string; target: string };
  /** Body fields the audit trail must never keep (e.g. a password): recorded as "[oculto]". */
  secretFields?: readonly string[];
  handler(ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>>): Promise<RouteResult>;
}

/** The context of a stored route, whose schemas the registry no longer knows: whatever a zod object yields. */
type StoredContext = RouteContext<Out<Schema>, Out<Schema>, Out<Schema>>;

export interface RoutingDeps {
  authenticate(req: Request): Promise<Principal>;
  audit(entry: { actor: string; action: string; target: string; details: Record<string, unknown> }): Promise<void>;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value, zodSpanish);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

export class RouteRegistry {
  readonly routes: RouteSpec[] = [];

  add<PS extends Schema = undefined, QS extends Schema = undefined, BS extends Schema = undefined>(spec: RouteSpec<PS, QS, BS>): void {
    this.routes.push(spec as RouteSpec);
  }

  /** An express router with every registered route. */
  router(deps: RoutingDeps): Router {
    const router = Router();
    for (const spec of this.routes) router[spec.method](spec.path, (req, res) => run(spec, deps, req, res));
    return router;
  }
}

async function run(spec: RouteSpec, deps: RoutingDeps, req: Request, res: Response): Promise<void> {
  const principal = spec.roles === 'public' ? (null as unknown as Principal) : await deps.authenticate(req);
  if (spec.roles !== 'public' && !spec.roles.includes(principal.role)) {
    throw new ApiError(403, 'forbidden', `Su credencial (rol ${principal.role}) no permite esta operación.`);
  }
  const headers = Object.fromEntries((spec.headers ?? []).map((h) => [h.name, parse(h.schema.optional(), req.get(h.name), `header.${h.name}`)]));
  const ctx: StoredContext = {
    req,
    principal,
    params: parse(spec.params, req.params, 'params'),
    query: parse(spec.query, req.query, 'query'),
    body: parse(spec.body, req.body, 'body'),
    header: (name) => headers[name],
  };
  const target = spec.audit?.(ctx);
  let result: RouteResult;
  try {
    result = await spec.handler(ctx);
  } catch (err) {
    const apiError = toApiError(err);
    // Business rejections are part of the trail; outages and bugs are in the log instead. Written while the
    // error handler answers (deps.audit never throws: a failed write is logged).
    if (target && apiError.status < 500) void recordAudit(deps, principal, target, auditable(spec, ctx), apiError.status, apiError.code);
    throw err; // the error handler maps it again and logs the original when it is a 5xx
  }
  res.status(result.status ?? 200).set(result.headers ?? {}).json(result.body);
  // The trail is written right after the answer: the action is done whatever happens to its audit row (a failed
  // write is logged, as it always was), so the operator does not wait for one more database round trip.
  if (target) await recordAudit(deps, principal, target, auditable(spec, ctx), result.status ?? 200);
}

/** The context as the audit trail may keep it: secret body fields hidden. */
function auditable(spec: RouteSpec, ctx: StoredContext): StoredContext {
  if (!spec.secretFields?.length || !ctx.body) return ctx;
  const body = Object.fromEntries(Object.entries(ctx.body).map(([k, v]) => [k, spec.secretFields!.includes(k) ? '[oculto]' : v]));
  return { ...ctx, body: body as StoredContext['body'] };
}

async function recordAudit(deps: RoutingDeps, principal: Principal, target: { action: string; target: string }, ctx: StoredContext, status: number, code?: string) {
  const idempotencyKey = ctx.header('Idempotency-Key');
  await deps.audit({
    actor: principal.name,
    action: target.action,
    target: target.target,
    details: { status, keyId: principal.keyId, ...(code ? { code } : {}), ...(idempotencyKey ? { idempotencyKey } : {}), body: ctx.body ?? null },
  });
}
