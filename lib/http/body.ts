// Reads a request body with a hard size limit: a declared Content-Length over the limit is refused before
// reading, and the stream is counted as it arrives, so a lying or absent Content-Length cannot get past.
import { type Failure, fail } from '@/lib/result';

/** 64 KiB: a move with its confirmed plan is a few KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (limit: number): Failure =>
  fail(
    'payload-too-large',
    `The request body is larger than ${limit / 1024} KiB. Send one move (and at most its confirmed plan) per request.`,
  );

export async function readLimitedText(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<{ ok: true; text: string } | Failure> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limit)) return tooLarge(limit);
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading: the rest of the body is never buffered.
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(all) };
}
