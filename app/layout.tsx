// Root layout: document shell, theme and the client providers.
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'ENI Console',
  description: 'EC2 instances, network interfaces, private IPs and Elastic IPs as a topology you act on.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0d0f12' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: Next puts the CSP nonce proxy.ts chose on its scripts only at request time.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
