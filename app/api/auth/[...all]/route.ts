// better-auth's endpoints (sign-in, sign-out, session, single sign-on callback) under /api/auth/*.
import { getAuth } from '@/lib/auth/auth';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle;
export const POST = handle;
