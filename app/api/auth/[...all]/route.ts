// better-auth's endpoints (sign-in, sign-out, session, single sign-on callback) under /api/auth/*, behind the
// boundary's checks that need no identity (Host, Origin, body limit, security headers).
import { getAuth } from '@/lib/auth/auth';
import { guardOpenRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handle = guardOpenRoute('auth', async (request) => (await getAuth()).handler(request));

export const GET = handle;
export const POST = handle;
