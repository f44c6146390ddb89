// DescribeInstanceStatus: status checks per instance; only running instances unless IncludeAllInstances=true
// (API reference: "By default, only running instances are described").
import { applyFilters, type FilterTable } from '../filters';
import { checkStatus, renderSummary } from '../health';
import { type Instance, STATE_CODES } from '../model';
import { stateObject } from '../render/instance';
import type { Store } from '../store';
import { paginate } from '../pagination';
import { type ActionDef, FILTER_PARAMS, PAGE_PARAMS } from './types';

function statusFilters(store: Store): FilterTable<Instance> {
  const reachability = (i: Instance) => {
    const s = checkStatus(i);
    return s === 'not-applicable' ? undefined : s === 'ok' ? 'passed' : 'failed';
  };
  return {
    'availability-zone': (i) => store.subnets.get(i.subnetId)?.az,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => STATE_CODES[i.state],
    'instance-status.status': checkStatus,
    'instance-status.reachability': reachability,
    'system-status.status': checkStatus,
    'system-status.reachability': reachability,
  };
}

export const describeInstanceStatus: ActionDef = {
  params: ['InstanceId.N', 'IncludeAllInstances', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const { store } = ctx;
    const ids = ctx.params.list('InstanceId');
    // Listed ids must exist even when they are then left out for not running (ec2-rules §1.5: an ID list is an assertion).
    const base = ids.length > 0 ? store.resolveAll('instance', store.instances, ids) : [...store.instances.values()];
    const visible = ctx.params.bool('IncludeAllInstances') === true ? base : base.filter((i) => i.state === 'running');
    const filtered = applyFilters(visible, ctx.params.filters(), statusFilters(store), () => new Map());
    const { page, nextToken } = paginate(filtered, ctx.params, {
      action: 'DescribeInstanceStatus',
      min: 5,
      max: 1000,
      idSetName: 'instancesSet',
      idsGiven: ids.length > 0,
    });
    ctx.dryRunGate(); // after paging checks: MaxResults/NextToken are syntax (ec2-rules §1.4)
    const rendered = page.map((i) => ({
      instanceId: i.id,
      availabilityZone: store.subnets.get(i.subnetId)?.az,
      instanceState: stateObject(i),
      systemStatus: renderSummary(i),
      instanceStatus: renderSummary(i),
    }));
    return { instanceStatusSet: rendered, nextToken };
  },
};
