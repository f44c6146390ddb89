// Turns a Result into the JSON Response the API routes send: 200 with the data, or the failure with its status.
import { httpStatusFor } from '@/lib/ec2/errors';
import type { Result } from '@/lib/result';

export function respond<T>(result: Result<T>): Response {
  if (!result.ok) return Response.json(result, { status: httpStatusFor(result) });
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
