// Per-user token buckets for plan and apply, in memory per server process: a burst is allowed, then requests
// refill at a steady rate. ENI_CONSOLE_RATE_BURST (default 30) and ENI_CONSOLE_RATE_PER_MINUTE (default 60).
type Bucket = { tokens: number; at: number };

const buckets = new Map<string, Bucket>();

function setting(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function rateSettings(): { burst: number; perMinute: number } {
  return { burst: setting('ENI_CONSOLE_RATE_BURST', 30), perMinute: setting('ENI_CONSOLE_RATE_PER_MINUTE', 60) };
}

/** Takes one token from `key`'s bucket: allowed, or the seconds until one is back. */
export function takeToken(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const { burst, perMinute } = rateSettings();
  const perMs = perMinute / 60_000;
  const bucket = buckets.get(key) ?? { tokens: burst, at: now };
  bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
  bucket.at = now;
  buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
}

/** For tests: forget every bucket. */
export function resetRateLimits(): void {
  buckets.clear();
}
