// Keyboard dragging: which drop target an arrow key leads to, in reading order (region, line, left to right).
export type Box = { top: number; left: number; width: number; height: number };
/** region orders the areas of the page (pools rail, canvas, drop dock); targets never mix across them. */
export type TargetBox = Box & { id: string; region: number };
export type ArrowKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp';

const ORIGIN = '\u0000origin';

export function isArrowKey(code: string): code is ArrowKey {
  return code === 'ArrowRight' || code === 'ArrowLeft' || code === 'ArrowDown' || code === 'ArrowUp';
}

const centerY = (b: Box) => b.top + b.height / 2;

/**
 * Groups boxes into lines: per region, by vertical centre, a box joining the current line when its centre is
 * within half the line's first box height (so chips of different heights on one row stay one line), then
 * left to right within a line.
 */
export function readingLines(boxes: readonly TargetBox[]): TargetBox[][] {
  const sorted = [...boxes].sort((a, b) => a.region - b.region || centerY(a) - centerY(b) || a.left - b.left);
  const lines: TargetBox[][] = [];
  let line: TargetBox[] = [];
  for (const box of sorted) {
    const first = line[0];
    const sameLine =
      first &&
      first.region === box.region &&
      Math.abs(centerY(box) - centerY(first)) <= Math.max(6, Math.min(first.height, box.height) / 2);
    if (first && !sameLine) {
      lines.push(line);
      line = [];
    }
    line.push(box);
  }
  if (line.length) lines.push(line);
  for (const l of lines) l.sort((a, b) => a.left - b.left);
  return lines;
}

export function readingOrder(boxes: readonly TargetBox[]): TargetBox[] {
  return readingLines(boxes).flat();
}

/**
 * The target an arrow key moves to. `from` is the current target (by id) or, before the first key, the box
 * of the dragged element itself. Right/Left step through reading order; Down/Up jump to the nearest target
 * (horizontally) on the next/previous line. Both wrap around. Null when there is no target at all.
 */
export function nextTarget(
  boxes: readonly TargetBox[],
  from: { id: string | null; box: TargetBox | null },
  key: ArrowKey,
): string | null {
  if (boxes.length === 0) return null;
  const current = from.id !== null ? boxes.find((b) => b.id === from.id) : undefined;
  const origin = current ?? (from.box ? { ...from.box, id: ORIGIN } : undefined);
  const all = origin && !current ? [...boxes, origin] : [...boxes];
  const lines = readingLines(all);
  const flat = lines.flat();
  const at = origin ? flat.findIndex((b) => b.id === origin.id) : -1;

  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const step = key === 'ArrowRight' ? 1 : -1;
    let i = at < 0 ? (step > 0 ? -1 : flat.length) : at;
    for (let n = 0; n < flat.length; n++) {
      i = (i + step + flat.length) % flat.length;
      const box = flat[i]!;
      if (box.id !== ORIGIN) return box.id;
    }
    return null;
  }

  const lineAt = origin ? lines.findIndex((l) => l.some((b) => b.id === origin.id)) : -1;
  const step = key === 'ArrowDown' ? 1 : -1;
  let li = lineAt < 0 ? (step > 0 ? -1 : lines.length) : lineAt;
  for (let n = 0; n < lines.length; n++) {
    li = (li + step + lines.length) % lines.length;
    const candidates = lines[li]!.filter((b) => b.id !== ORIGIN);
    if (candidates.length === 0 || li === lineAt) continue;
    const x = origin ? origin.left + origin.width / 2 : 0;
    const distance = (b: TargetBox) => Math.abs(b.left + b.width / 2 - x);
    return candidates.reduce((best, b) => (distance(b) < distance(best) ? b : best)).id;
  }
  // Only the current line has targets: Down/Up behave like Right/Left.
  return nextTarget(boxes, from, key === 'ArrowDown' ? 'ArrowRight' : 'ArrowLeft');
}
