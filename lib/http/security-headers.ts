// The headers every answer carries: a CSP (nonce-based scripts on pages, nothing at all for JSON), no framing,
// no sniffing, a strict referrer policy, no powerful browser features, and HSTS when served over https.
import { configuredOrigin } from './origin';

/** The CSP of a page whose scripts carry `nonce` (Next adds it to its own scripts when it sees this header). */
export function pageCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React and the virtualised list set style attributes (positions, sizes); style attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** JSON answers never render: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Served over https: ENI_CONSOLE_URL says so, or the proxy in front of the console does (X-Forwarded-Proto). */
export function servedOverHttps(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    configuredOrigin(env)?.protocol === 'https:' || headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

/** The headers besides the CSP, for every answer. */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
