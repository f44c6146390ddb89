/** @type {import('next').NextConfig} */
module.exports = {
  // The AWS SDK and the database drivers (PGlite's WASM and data files, pg) stay Node dependencies of the server
  // rather than being bundled.
  serverExternalPackages: ['@aws-sdk/client-ec2', '@electric-sql/pglite', 'pg'],
};
