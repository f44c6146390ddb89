// 404: the console has a single page; point back to it.
import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex h-dvh items-center justify-center p-6">
      <div className="text-center">
        <p className="font-mono text-xs text-faint">404</p>
        <h1 className="mt-1 text-sm font-semibold">No such page</h1>
        <p className="mt-2 text-xs text-muted">The ENI Console has one view: the topology.</p>
        <Link
          href="/"
          className="mt-4 inline-flex h-8 items-center rounded-md bg-accent px-3 text-13 font-medium text-accent-fg hover:bg-accent-hover"
        >
          Open the topology
        </Link>
      </div>
    </main>
  );
}
