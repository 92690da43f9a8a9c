/** Tiny JSON-over-HTTP helper for simulator tests (real fetch against a real server). */

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Sends a request with an optional JSON body and returns status, headers and the parsed body. */
export async function http(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** A valid appointment request for a date. */
export function appointmentBody(date: string, extra: Record<string, unknown> = {}) {
  return { bl: 'MAEU240001234', date, containerNumbers: ['MSKU1234565'], ...extra };
}

/** Shortcut for the Idempotency-Key header. */
export const key = (value: string) => ({ 'Idempotency-Key': value });
