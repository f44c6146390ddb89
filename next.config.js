/** @type {import('next').NextConfig} */
module.exports = {
  // The AWS SDK stays a Node dependency of the server bundle rather than being bundled.
  serverExternalPackages: ['@aws-sdk/client-ec2'],
};
