// GET /api/accounts: { ok: true, accounts: [{ id, label, regions }] }, the first account and its first region being
// the default scope; GET /api/topology?account=…&region=… reads one of them. Any signed-in role.
import { accountsEndpoint } from '@/lib/http/account-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(accountsEndpoint);
