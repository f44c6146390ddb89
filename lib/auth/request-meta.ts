// Who is on the other end of a request, for the record: source address and user agent, from the headers.
export type RequestMeta = { sourceIp: string | null; userAgent: string | null };

/** Next's server sets x-forwarded-for to the peer's address (a proxy in front appends its own view). */
export function requestMeta(headers: Headers | undefined | null): RequestMeta {
  if (!headers) return { sourceIp: null, userAgent: null };
  const forwarded = headers.get('x-forwarded-for');
  const sourceIp = forwarded ? forwarded.split(',')[0]!.trim() : headers.get('x-real-ip');
  return { sourceIp: sourceIp || null, userAgent: headers.get('user-agent') };
}
