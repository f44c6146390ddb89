// Refuses a 2xx answer whose XML root is not <{Action}Response> (ec2-rules §1.2): the SDK strips the root
// unchecked, so a web page or another service's XML would read as an empty result, an empty account.
import 'server-only';

/** A success answer that is not the action's EC2 document; toFailure reports it as malformed-response. */
export class MalformedResponseError extends Error {
  constructor(
    readonly action: string,
    readonly httpStatus: number,
    /** What came instead, e.g. "a document with root <html>" or "a body that is not XML". */
    readonly found: string,
  ) {
    super(`${action} answered HTTP ${httpStatus} with ${found} instead of <${action}Response>`);
    this.name = 'MalformedResponseError';
  }
}

/** The local name of a document's first element (after BOM, declaration, comments, doctype), or null. */
export function rootElement(text: string): string | null {
  let s = text.replace(/^\uFEFF/, '');
  for (;;) {
    s = s.trimStart();
    const skip = s.startsWith('<?') ? '?>' : s.startsWith('<!--') ? '-->' : s.startsWith('<!') ? '>' : null;
    if (skip === null) break;
    const end = s.indexOf(skip);
    if (end < 0) return null;
    s = s.slice(end + skip.length);
  }
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(s)?.[1];
  return name === undefined ? null : (name.split(':').pop() as string);
}

/** How far into a body to look for its root: declaration, comments and doctype never take more. */
const HEAD_BYTES = 64 * 1024;

/** Throws MalformedResponseError unless a 2xx body is the `<{action}Response>` document. Other statuses pass. */
export function checkResponseRoot(action: string, httpStatus: number, body: Uint8Array): void {
  if (httpStatus < 200 || httpStatus >= 300) return;
  const root = rootElement(new TextDecoder().decode(body.subarray(0, HEAD_BYTES)));
  if (root === `${action}Response`) return;
  const found =
    body.byteLength === 0
      ? 'an empty body'
      : root === null
        ? 'a body that is not XML'
        : `a document with root <${root}>`;
  throw new MalformedResponseError(action, httpStatus, found);
}
