import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { hintFor, isTransient, parseTopologyResponse, TopologyLoadError } from './topology';

describe('parseTopologyResponse', () => {
  it('accepts a snapshot, bare or inside an ok result', () => {
    const snap = testSnapshot();
    expect(parseTopologyResponse(200, snap).vpcs).toHaveLength(2);
    expect(parseTopologyResponse(200, { ok: true, ...snap }).region).toBe('us-east-1');
  });
  it('keeps the server settings beside the snapshot, and falls back to the defaults without them', () => {
    const snap = testSnapshot();
    const strict = { allowCrossVpcAttach: false, allowReassociation: false };
    expect(parseTopologyResponse(200, { ok: true, ...snap, settings: strict }).settings).toEqual(strict);
    expect(parseTopologyResponse(200, snap).settings).toEqual({ allowCrossVpcAttach: true, allowReassociation: true });
    expect(
      parseTopologyResponse(200, { ...snap, settings: { allowCrossVpcAttach: 'no' } }).settings.allowCrossVpcAttach,
    ).toBe(true);
  });
  it('turns an error answer into an error carrying its code and message', () => {
    const body = { ok: false, code: 'endpoint-unreachable', message: 'No answer from http://127.0.0.1:4610' };
    const err = (() => {
      try {
        parseTopologyResponse(502, body);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TopologyLoadError);
    expect(err).toMatchObject({ code: 'endpoint-unreachable', message: body.message, status: 502 });
    expect(hintFor('endpoint-unreachable')).toMatch(/npm run emulator/);
  });
  it('refuses a body that is not a snapshot, naming the field', () => {
    expect(() => parseTopologyResponse(200, { region: 'x' })).toThrow(/does not match the snapshot model/);
  });
  it('reports a non-JSON error page by its status', () => {
    expect(() => parseTopologyResponse(500, null)).toThrow(/HTTP 500/);
  });
  it('retries only transient failures', () => {
    expect(isTransient(new TopologyLoadError('throttled', 'slow down'))).toBe(true);
    expect(isTransient(new TopologyLoadError('auth-failure', 'no'))).toBe(false);
    expect(isTransient(new Error('bug'))).toBe(false);
  });
});
