'use server';
// Server action: the topology and the server's check settings. Same code path as GET /api/topology.
import { readTopology, type Topology } from '@/lib/ec2/topology';
import type { Result } from '@/lib/result';

export async function getTopologyAction(): Promise<Result<Topology>> {
  return readTopology();
}
