// Route-level loading state: the console's skeleton.
import { TopologySkeleton } from '@/components/topology/topology-skeleton';

export default function Loading() {
  return <TopologySkeleton label="Loading…" />;
}
