/** Idempotent creation: the same key with the same request returns the first result, never a second record. */
import { rejections } from './errors';
import type { SimTerminal, SimulatorState } from './state';

/** Result of an idempotent create: `created` false means a replay (HTTP 200 instead of 201). */
export interface Outcome<T> {
  created: boolean;
  resource: T;
}

/** JSON with object keys sorted, so two equal requests have equal fingerprints. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Runs `create` once per (terminal, kind, key). A replay with the same request returns the stored resource;
 * a different request under the same key is IDEMPOTENCY_KEY_REUSED (422). When `create` throws (a rejection),
 * nothing is recorded, so a later retry with the same key may succeed.
 */
export function idempotent<T extends { id: string }>(
  state: SimulatorState,
  scope: { terminal: SimTerminal; kind: string; key: string | undefined },
  request: unknown,
  lookup: (id: string) => T | undefined,
  create: () => T,
): Outcome<T> {
  if (scope.key === undefined) return { created: true, resource: create() };
  const scopeKey = `${scope.terminal}|${scope.kind}|${scope.key}`;
  const print = fingerprint(request);
  const previous = state.idempotency[scopeKey];
  if (previous) {
    if (previous.fingerprint !== print) throw rejections.keyReused();
    const resource = lookup(previous.resourceId);
    if (resource) return { created: false, resource };
  }
  const resource = create();
  state.idempotency[scopeKey] = { fingerprint: print, resourceId: resource.id };
  return { created: true, resource };
}
