import { describe, expect, it } from 'vitest';
import { nextTarget, readingOrder, type TargetBox } from './keyboard-order';

const box = (id: string, left: number, top: number, region = 1, height = 28): TargetBox => ({
  id,
  left,
  top,
  width: 40,
  height,
  region,
});

// Canvas (region 1): two chips on one line (different heights), one below; rail (region 0) on the left.
const boxes = [box('b', 300, 100, 1, 24), box('a', 200, 102), box('c', 220, 200), box('pool', 10, 500, 0)];

describe('readingOrder', () => {
  it('orders by region, then line, then left to right, tolerating chips of different heights on one line', () => {
    expect(readingOrder(boxes).map((b) => b.id)).toEqual(['pool', 'a', 'b', 'c']);
  });
});

describe('nextTarget', () => {
  it('steps right and left through reading order and wraps around', () => {
    expect(nextTarget(boxes, { id: 'a', box: null }, 'ArrowRight')).toBe('b');
    expect(nextTarget(boxes, { id: 'c', box: null }, 'ArrowRight')).toBe('pool');
    expect(nextTarget(boxes, { id: 'pool', box: null }, 'ArrowLeft')).toBe('c');
  });
  it('starts from the dragged element itself before the first key', () => {
    const origin = box('origin', 250, 150);
    expect(nextTarget(boxes, { id: null, box: origin }, 'ArrowRight')).toBe('c');
    expect(nextTarget(boxes, { id: null, box: origin }, 'ArrowLeft')).toBe('b');
  });
  it('jumps down and up a line to the horizontally nearest target', () => {
    expect(nextTarget(boxes, { id: 'b', box: null }, 'ArrowDown')).toBe('c');
    expect(nextTarget(boxes, { id: 'c', box: null }, 'ArrowUp')).toBe('a');
    expect(nextTarget(boxes, { id: 'c', box: null }, 'ArrowDown')).toBe('pool');
  });
  it('falls back to left/right when every target is on one line, and gives null without targets', () => {
    const line = [box('x', 0, 0), box('y', 60, 0)];
    expect(nextTarget(line, { id: 'x', box: null }, 'ArrowDown')).toBe('y');
    expect(nextTarget([], { id: null, box: box('o', 0, 0) }, 'ArrowRight')).toBeNull();
  });
});
