// CreateTags / DeleteTags (ec2-rules §3.20) and the TagSpecification parameter shared by create/allocate calls.
import { Ec2Error, type IdKind, invalidValue, notFound } from '../errors';
import { isWellFormedId } from '../ids';
import type { Tags } from '../model';
import type { Params } from '../params';
import type { Store } from '../store';
import type { ActionDef } from './types';

export const TAG_SPEC_PARAMS = [
  'TagSpecification.N.ResourceType',
  'TagSpecification.N.Tag.N.Key',
  'TagSpecification.N.Tag.N.Value',
] as const;
const MAX_TAGS = 50;

function checkTag(key: string, value: string): void {
  if (key === '') throw invalidValue('Tag key cannot be empty.');
  // The `aws:` prefix is reserved (ec2-rules §3.20).
  if (key.toLowerCase().startsWith('aws:'))
    throw invalidValue(`Tag keys starting with 'aws:' are reserved for internal use`);
  if ([...key].length > 127) throw invalidValue(`Tag key exceeds the maximum length of 127 characters: ${key}`);
  if ([...value].length > 256)
    throw invalidValue(`Tag value exceeds the maximum length of 256 characters for key ${key}`);
}

/** Tags from `TagSpecification.N` whose ResourceType must be the one the operation creates. */
export function tagSpecifications(params: Params, resourceType: string): Tags {
  const tags: Tags = new Map();
  for (const n of params.indexes('TagSpecification')) {
    const type = params.str(`TagSpecification.${n}.ResourceType`);
    if (type !== resourceType)
      throw invalidValue(`'${type ?? ''}' is not a valid taggable resource type for this operation.`);
    for (const t of params.tags(`TagSpecification.${n}.Tag`)) {
      checkTag(t.key, t.value ?? '');
      tags.set(t.key, t.value ?? '');
    }
  }
  if (tags.size > MAX_TAGS)
    throw new Ec2Error('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
  return tags;
}

const TAGGABLE: { prefix: string; kind: IdKind; map: (s: Store) => Map<string, { tags: Tags }> }[] = [
  { prefix: 'eni', kind: 'eni', map: (s) => s.enis },
  { prefix: 'i', kind: 'instance', map: (s) => s.instances },
  { prefix: 'subnet', kind: 'subnet', map: (s) => s.subnets },
  { prefix: 'vpc', kind: 'vpc', map: (s) => s.vpcs },
  { prefix: 'sg', kind: 'sg', map: (s) => s.groups },
  { prefix: 'igw', kind: 'igw', map: (s) => s.igws },
  { prefix: 'eipalloc', kind: 'allocation', map: (s) => s.eips },
];

/** A malformed ID of any kind is `InvalidID`; a well-formed unknown one is that resource's NotFound (ec2-rules §3.20). */
function resolveTaggable(store: Store, id: string): { tags: Tags } {
  const entry = TAGGABLE.find((t) => isWellFormedId(t.prefix, id));
  if (!entry) throw new Ec2Error('InvalidID', `The ID '${id}' is not valid`);
  const found = entry.map(store).get(id);
  if (!found) throw notFound(entry.kind, id);
  return found;
}

function resourceIds(params: Params): string[] {
  const ids = params.list('ResourceId');
  if (ids.length === 0) throw new Ec2Error('MissingParameter', 'The request must contain the parameter ResourceId');
  if (ids.length > 1000) throw invalidValue('Too many resource IDs: the limit is 1000.');
  return ids;
}

export const createTags: ActionDef = {
  params: ['ResourceId.N', 'Tag.N.Key', 'Tag.N.Value', 'DryRun'],
  run(ctx) {
    const { store, params } = ctx;
    const ids = resourceIds(params);
    const tags = params.tags('Tag');
    if (tags.length === 0) throw new Ec2Error('MissingParameter', 'The request must contain the parameter Tag');
    for (const t of tags) checkTag(t.key, t.value ?? '');
    const targets = ids.map((id) => resolveTaggable(store, id));
    ctx.dryRunGate();
    for (const target of targets) {
      const merged = new Set([...target.tags.keys(), ...tags.map((t) => t.key)]);
      if (merged.size > MAX_TAGS)
        throw new Ec2Error('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
    }
    // Value may be omitted or empty; it is stored as "" and existing keys are overwritten (ec2-rules §3.20).
    for (const target of targets) for (const t of tags) target.tags.set(t.key, t.value ?? '');
    return { return: true };
  },
};

export const deleteTags: ActionDef = {
  params: ['ResourceId.N', 'Tag.N.Key', 'Tag.N.Value', 'DryRun'],
  run(ctx) {
    const { store, params } = ctx;
    const ids = resourceIds(params);
    const tags = params.tags('Tag');
    for (const t of tags) {
      if (t.key.toLowerCase().startsWith('aws:'))
        throw invalidValue(`Tag keys starting with 'aws:' are reserved for internal use`);
    }
    const targets = ids.map((id) => resolveTaggable(store, id));
    ctx.dryRunGate();
    for (const target of targets) {
      if (tags.length === 0) {
        // No Tag.N at all: every user tag of the resource goes.
        target.tags.clear();
        continue;
      }
      // With a value, only a tag holding exactly that value is deleted.
      for (const t of tags) if (t.value === undefined || target.tags.get(t.key) === t.value) target.tags.delete(t.key);
    }
    return { return: true };
  },
};
