// The console's only page: the topology of the configured region.
import { preload } from 'react-dom';
import { TopologyConsole } from '@/components/topology/topology-console';

export default function Page() {
  // Start reading the snapshot while the JS bundle loads and hydrates; the query's fetch reuses this response.
  preload('/api/topology', { as: 'fetch', crossOrigin: 'anonymous' });
  return <TopologyConsole />;
}
