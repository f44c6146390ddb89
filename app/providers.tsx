'use client';
// Client-side providers: one QueryClient per browser session (useState keeps it across re-renders).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { z } from 'zod';

// zod compiles parsers with `new Function` unless told not to; the CSP forbids eval, and even zod's probe for
// it is reported as a violation.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // The one place refetch on focus is set: reading a large account is expensive, so refresh is explicit.
        defaultOptions: { queries: { refetchOnWindowFocus: false } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
