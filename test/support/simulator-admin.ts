/** The terminal simulator's admin routes, for tests: count bookings, inject rejections and faults. */
import type { Booking } from '../../simulator/state';

/** Calls an admin route; `T` is the shape the caller expects back (simulator/routes/admin.routes.ts). */
export async function simulatorAdmin<T = unknown>(url: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function bookingsFor(url: string, bl: string, kind?: string): Promise<Booking[]> {
  const { bookings } = await simulatorAdmin<{ bookings: Booking[] }>(url, `/_admin/bookings${kind ? `?kind=${kind}` : ''}`);
  return bookings.filter((b) => b.bl === bl);
}
