// The read path every ID-listable, pageable describe shares (ec2-rules §1.4, ec2-rules §1.5).
import type { IdKind } from '../errors';
import { applyFilters, type FilterTable } from '../filters';
import type { Tags } from '../model';
import { type PageRules, paginate } from '../pagination';
import type { Context } from './types';

export interface PagedDescribe<T extends { tags: Tags }> {
  /** The ID list parameter without its `.N`, e.g. 'InstanceId'. */
  idParam: string;
  kind: IdKind;
  items: Map<string, T>;
  filters: FilterTable<T>;
  paging: Omit<PageRules, 'idsGiven'>;
}

/** The listed IDs (each must exist) or everything, filtered, then paged; the dry-run verdict comes after the paging checks. */
export function pagedDescribe<T extends { tags: Tags }>(
  ctx: Context,
  d: PagedDescribe<T>,
): { page: T[]; nextToken?: string } {
  const ids = ctx.params.list(d.idParam);
  const base = ids.length > 0 ? ctx.store.resolveAll(d.kind, d.items, ids) : d.items.values();
  const filtered = applyFilters(base, ctx.params.filters(), d.filters, (item) => item.tags);
  const result = paginate(filtered, ctx.params, { ...d.paging, idsGiven: ids.length > 0 });
  ctx.dryRunGate(); // after paging checks: MaxResults/NextToken are syntax (ec2-rules §1.4)
  return result;
}
