// The body of GET /api/topology, built so that a kept snapshot is serialized once, not on every read:
// `{"snapshot":…` (the bulk: 7 MB for `large`, 35 MB for `xlarge`) is encoded once per snapshot object and kept
// beside it; each answer adds only its small tail (`,"ok":true,"settings":…,"readAt":…}`). Issue 11: on `xlarge`
// JSON.stringify took about 0.4 s of every warm answer. (Compression stays Next's: it drops a route's own
// Content-Encoding, so a gzip made once per snapshot could not be sent as such.)
import 'server-only';
import { after } from 'next/server';

/** `{"snapshot":<json>` as UTF-8, per snapshot object (snapshots are never changed in place). */
const heads = new WeakMap<object, Buffer>();

function headOf(snapshot: object): Buffer {
  let head = heads.get(snapshot);
  if (!head) {
    head = Buffer.from(`{"snapshot":${JSON.stringify(snapshot)}`, 'utf8');
    heads.set(snapshot, head);
  }
  return head;
}

/** The JSON answer `{ snapshot, ...rest }`: what `JSON.stringify` of it gives, with `snapshot` first. */
export function snapshotAnswer(answer: { snapshot: object } & Record<string, unknown>): Response {
  const { snapshot, ...rest } = answer;
  const restJson = JSON.stringify(rest);
  const tail = Buffer.from(restJson === '{}' ? '}' : `,${restJson.slice(1)}`, 'utf8');
  return new Response(new Uint8Array(Buffer.concat([headOf(snapshot), tail])), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

/**
 * Starts a warm answer's background revalidation once that answer has been sent (Next's after()): a load started at
 * once competes for the CPU with the compression of the answer (issue 11: 5 s instead of 0.6 s for `xlarge`). Outside
 * a request (a test calling the handler, a script) there is no after: it starts at once.
 */
export function afterAnswer(start: () => void): void {
  try {
    after(start);
  } catch {
    start();
  }
}
