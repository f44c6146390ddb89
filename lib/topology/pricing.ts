// What public IPv4 costs, and the one way to write it per hour and per month: the rules' side effects, the plan
// dialog and the pools rail all quote the same price the same way.

/** Public IPv4 is billed per address per hour, in use or idle (AWS pricing since February 2024). */
export const PUBLIC_IPV4_HOURLY_USD = 0.005;

/** AWS prices a month as 730 hours. */
const HOURS_PER_MONTH = 730;

/** "$0.015/h", or with `monthly` "$0.015/h (≈ $10.95/month)"; `sign` ("+" or "−") prefixes both amounts. */
export function formatCost(hourlyUsd: number, { monthly = false, sign = '' } = {}): string {
  const hourly = `${sign}$${hourlyUsd.toFixed(3)}/h`;
  return monthly ? `${hourly} (≈ ${sign}$${(hourlyUsd * HOURS_PER_MONTH).toFixed(2)}/month)` : hourly;
}

/** The price of one public IPv4, as the rules' side effects quote it: "$0.005/h". */
export const publicIpv4Price = formatCost(PUBLIC_IPV4_HOURLY_USD);
