// The address a request came from, for the audit. A route handler never sees the socket, and Next fills
// x-forwarded-for from the socket only when the client sent none, so the header is trusted only when
// ENI_CONSOLE_TRUSTED_PROXY_HOPS says how many proxies in front of the console append to it; else null.
export function sourceAddress(headers: Headers, env: NodeJS.ProcessEnv = process.env): string | null {
  const hops = Number(env.ENI_CONSOLE_TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 1) return null;
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Each trusted proxy appends the address it saw; the one the nearest-to-us untrusted client used is hops from the end.
  const address = chain[chain.length - hops];
  return address && /^[0-9a-f.:[\]]{2,45}$/i.test(address) ? address : null;
}
