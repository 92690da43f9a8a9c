/** The terminal simulator's admin routes, for tests: count bookings, inject rejections and faults. */
export async function simulatorAdmin(url: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function bookingsFor(url: string, bl: string, kind?: string): Promise<unknown[]> {
  const { bookings } = await simulatorAdmin(url, `/_admin/bookings${kind ? `?kind=${kind}` : ''}`);
  return (bookings as { bl: string }[]).filter((b) => b.bl === bl);
}
