// Next's proxy (formerly middleware), run before every page and server action: refuses a request for a Host the
// console does not answer for, and sets the security headers, with a fresh CSP nonce per page (pages are
// rendered per request for it). API routes are left to lib/http/guard, which does both (and audits), so their
// bodies are never buffered here.
import { type NextRequest, NextResponse } from 'next/server';
import { checkHost } from '@/lib/http/origin';
import { API_CSP, pageCsp, securityHeaders, servedOverHttps } from '@/lib/http/security-headers';

export function proxy(request: NextRequest): NextResponse {
  const https = servedOverHttps(request.headers);
  const refusal = checkHost(request.headers.get('host'));
  if (refusal) {
    const response = NextResponse.json(refusal, { status: 421 });
    for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
    response.headers.set('Content-Security-Policy', API_CSP);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header while rendering and puts it on its scripts.
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build assets are immutable files; next.config.js gives them the non-CSP headers.
  matcher: ['/((?!api/|_next/static|_next/image).*)'],
};
