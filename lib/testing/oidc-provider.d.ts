// The little of oidc-provider's API the SSO test uses (the package ships no types).
declare module 'oidc-provider' {
  import type { Server } from 'node:http';
  type Account = { accountId: string; claims: () => Record<string, unknown> };
  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        claims?: Record<string, string[]>;
        findAccount: (ctx: unknown, id: string) => Account | undefined | Promise<Account | undefined>;
        features?: Record<string, unknown>;
        cookies?: { keys: string[] };
      },
    );
    listen(port: number, host?: string): Server;
  }
}
