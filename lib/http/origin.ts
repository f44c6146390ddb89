// Where a request may come from: the Host the console answers for (ENI_CONSOLE_URL; loopback in demo mode or
// when unset) and whether a browser marked the request as sent by another site (Origin, Sec-Fetch-Site).
// Pure functions of the headers and the environment, shared by proxy.ts (pages) and the guard (API, actions).
import { isDemoMode } from '@/lib/auth/mode';
import { type Failure, fail } from '@/lib/result';

type Env = NodeJS.ProcessEnv;

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The console's public origin from ENI_CONSOLE_URL (e.g. https://eni.example.com), or null when unset or invalid. */
export function configuredOrigin(env: Env = process.env): URL | null {
  const raw = env.ENI_CONSOLE_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** hostname and port of a Host header value ("[::1]:3000" → ["[::1]", "3000"]); null when it is not one. */
function splitHost(host: string): { hostname: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return m ? { hostname: (m[1] as string).toLowerCase(), port: m[2] ?? '' } : null;
}

/**
 * Whether the console answers for this Host. With ENI_CONSOLE_URL: exactly its host, plus loopback names in
 * demo mode. Without it: loopback names only (on the served port when PORT says which), so a console someone
 * exposes without naming its URL cannot be reached under a foreign name (DNS rebinding).
 */
export function checkHost(host: string | null, env: Env = process.env): Failure | null {
  const origin = configuredOrigin(env);
  const parts = host ? splitHost(host) : null;
  if (parts && origin && `${parts.hostname}${parts.port ? `:${parts.port}` : ''}` === origin.host.toLowerCase())
    return null;
  const loopbackAllowed = !origin || isDemoMode(env);
  const portOk = (port: string) => !env.PORT || port === env.PORT;
  if (parts && loopbackAllowed && LOOPBACK_HOSTNAMES.has(parts.hostname) && portOk(parts.port)) return null;
  const named = host ? `"${host.slice(0, 100)}"` : 'no Host';
  const expected = origin
    ? `It answers only for ${origin.host}${isDemoMode(env) ? ' and loopback names' : ''} (ENI_CONSOLE_URL).`
    : 'It answers only for loopback names (127.0.0.1, localhost, [::1]) until ENI_CONSOLE_URL names its public URL: set ENI_CONSOLE_URL=https://your-console.example.com on the server.';
  return fail('wrong-host', `This console does not answer for ${named}. ${expected} Open it at its own address.`);
}

/** The console's own origin for this request: ENI_CONSOLE_URL's, or the (already checked) Host's. */
function ownOrigins(host: string | null, env: Env): string[] {
  const origin = configuredOrigin(env);
  const out = origin ? [origin.origin] : [];
  // The Host passed checkHost, so it is the console's own name (ENI_CONSOLE_URL's or a loopback one).
  if (host) out.push(`http://${host.toLowerCase()}`, `https://${host.toLowerCase()}`);
  return out;
}

/**
 * Refuses a request a browser marks as coming from another site: Sec-Fetch-Site other than same-origin or none,
 * or an Origin other than the console's own (including "null"). Scripts send neither header and pass.
 */
export function checkOrigin(headers: Headers, env: Env = process.env): Failure | null {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  const crossSite = site !== null && site !== 'same-origin' && site !== 'none';
  const foreignOrigin = origin !== null && !ownOrigins(headers.get('host'), env).includes(origin.toLowerCase());
  if (!crossSite && !foreignOrigin) return null;
  const from = foreignOrigin
    ? `the origin ${origin?.slice(0, 100)}`
    : `another site (Sec-Fetch-Site: ${site?.slice(0, 30)})`;
  return fail(
    'cross-origin',
    `Refused: this request was sent by ${from}, not by the console's own pages. Use the console itself, or call the API from a script with Authorization: Bearer <token> (scripts send no Origin).`,
  );
}
