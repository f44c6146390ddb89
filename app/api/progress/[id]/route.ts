// GET /api/progress/{progressId}: the steps so far of an apply sent with that progress id (live progress display).
import { guardRoute } from '@/lib/http/guard';
import { progressEndpoint } from '@/lib/http/progress-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(progressEndpoint);
