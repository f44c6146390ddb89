// A move in words for the undo line and toasts, and a cost delta per hour and per month.
import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from '../model/topology-index';
import { costWords, sequenceWords } from './sequence';

describe('words', () => {
  it('says what a move does in a sentence, and what it costs per hour', () => {
    const ix = buildTopologyIndex(testSnapshot());
    expect(sequenceWords(ix, [{ kind: 'move-ip', ip: '10.0.2.11', toEni: 'eni-0000000000000000e' }])).toBe(
      'Move 10.0.2.11 with Elastic IP 54.0.0.1 to pool ENI floating',
    );
    expect(costWords(0)).toBe('No change ($0.000/h)');
    expect(costWords(-0.005)).toBe('−$0.005/h (≈ −$3.65/month)');
    expect(costWords(0.005)).toBe('+$0.005/h (≈ +$3.65/month)');
  });
});
