// GET /api/accounts at the boundary: the accounts the console offers with their regions, for the header's account
// switcher and region selector (labels and region names only: no profiles, role ARNs or keys leave the server).
import 'server-only';
import { accountChoices, type AccountChoice } from '@/lib/ec2/accounts';
import type { BoundarySpec } from './guard';

export const accountsEndpoint: BoundarySpec<void, { accounts: AccountChoice[] }> = {
  name: 'accounts.read',
  permission: 'read',
  handler: () => accountChoices(),
};
