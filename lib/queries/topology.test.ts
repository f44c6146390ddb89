import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { hintFor, isTransient, parseTopologyResponse, TopologyLoadError } from './topology';

describe('parseTopologyResponse', () => {
  it('accepts the one answer shape { ok: true, snapshot, settings }, keeping the server settings', () => {
    const snap = testSnapshot();
    const strict = { allowCrossVpcAttach: false, allowReassociation: false };
    const data = parseTopologyResponse(200, { ok: true, snapshot: snap, settings: strict });
    expect(data.vpcs).toHaveLength(2);
    expect(data.region).toBe('us-east-1');
    expect(data.settings).toEqual(strict);
  });
  it('refuses a bare snapshot, or one without settings, as not the answer of this console', () => {
    const snap = testSnapshot();
    expect(() => parseTopologyResponse(200, snap)).toThrow(/does not match the snapshot model/);
    expect(() => parseTopologyResponse(200, { ok: true, snapshot: snap })).toThrow(/settings/);
    expect(() =>
      parseTopologyResponse(200, { ok: true, snapshot: snap, settings: { allowCrossVpcAttach: 'no' } }),
    ).toThrow(/settings/);
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
    expect(() => parseTopologyResponse(200, { ok: true, snapshot: { region: 'x' }, settings: {} })).toThrow(
      /does not match the snapshot model \(snapshot\./,
    );
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
