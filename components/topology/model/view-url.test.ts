import { describe, expect, it } from 'vitest';
import { noFilters } from './filters';
import { decodeView, emptyView, encodeView, type ViewState } from './view-url';

describe('the view in the URL', () => {
  it('round-trips filters, search, selection and hand-opened groups', () => {
    const view: ViewState = {
      query: '10.0.1.',
      filters: {
        ...noFilters,
        vpc: 'vpc-0a1',
        az: 'us-east-1a',
        state: 'stopped',
        type: 't3.micro',
        tag: 'Env=prod',
        freeEniSlots: true,
        idleEips: true,
      },
      selection: { kind: 'ip', eniId: 'eni-0abc', address: '10.0.1.11' },
      expansion: { 'subnet:subnet-0a1': true, 'vpc:vpc-0b2': false, 'az:vpc-0a1:us-east-1a': true },
      compact: true,
    };
    expect(decodeView(encodeView(view))).toEqual(view);
  });
  it('is empty for the default view, and equal views give the same string', () => {
    expect(encodeView(emptyView)).toBe('');
    const a = encodeView({ ...emptyView, expansion: { 'subnet:b': true, 'subnet:a': true } });
    const b = encodeView({ ...emptyView, expansion: { 'subnet:a': true, 'subnet:b': true } });
    expect(a).toBe(b);
  });
  it('drops what it cannot read instead of failing', () => {
    const v = decodeView('state=melting&sel=bogus&open=<script>,subnet:subnet-1&free=yes');
    expect(v.filters.state).toBeNull();
    expect(v.selection).toBeNull();
    expect(v.expansion).toEqual({ 'subnet:subnet-1': true });
    expect(v.filters.freeEniSlots).toBe(false);
  });
  it('reads every selection kind', () => {
    for (const sel of [
      { kind: 'instance', id: 'i-0abc' },
      { kind: 'eni', id: 'eni-0abc' },
      { kind: 'eip', id: 'eipalloc-0abc' },
      { kind: 'subnet', id: 'subnet-0abc' },
      { kind: 'vpc', id: 'vpc-0abc' },
    ] as const) {
      expect(decodeView(encodeView({ ...emptyView, selection: sel })).selection).toEqual(sel);
    }
  });
});
