/** Helpers for adapter tests: admin calls against the real simulator. */

/** POSTs JSON to a simulator admin route and fails loudly if the simulator refuses it. */
export async function admin(baseUrl: string, path: string, body: unknown = {}): Promise<unknown> {
  const res = await fetch(`${baseUrl}/_admin${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Number of bookings the simulator holds. */
export async function bookingCount(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/_admin/bookings`);
  return ((await res.json()) as { count: number }).count;
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function thrownBy(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}
