// Requests to a console process's HTTP API for the multi-process specs: GET without a body, POST with a JSON one
// (and the Origin the request boundary asks of a change), with whatever credentials the test gives.
import type { Started } from './console-process';

export type Answer = { ok: boolean; code?: string; message?: string; [k: string]: unknown };

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function send(
  c: Started,
  auth: Record<string, string>,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${c.url}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json', origin: c.url }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}
