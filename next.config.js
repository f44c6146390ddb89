/** @type {import('next').NextConfig} */
module.exports = {
  // The AWS SDK and the database drivers (PGlite's WASM and data files, pg) stay Node dependencies of the server
  // rather than being bundled.
  // @aws-sdk/core too: lib/ec2/fast-xml.ts installs its XML reader on the very copy the EC2 client uses.
  serverExternalPackages: ['@aws-sdk/client-ec2', '@aws-sdk/core', '@electric-sql/pglite', 'pg'],
  // A move and its confirmed plan are a few KiB; the request boundary (lib/http) refuses more than 64 KiB.
  // The proxy buffers what it sees (server actions post to pages): no more than one byte over that limit.
  experimental: { serverActions: { bodySizeLimit: '64kb' }, proxyClientMaxBodySize: 64 * 1024 + 1 },
  // Build assets bypass proxy.ts (which sets these on everything else, with the CSP).
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};
