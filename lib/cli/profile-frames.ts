// Reading a V8 CPU profile (Node's inspector, Chromium's CDP): its top functions by self time, for the bench notes.
type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
export type Profile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[] };

type CallFrame = Node['callFrame'];

/** Self time in ms per key of the sampled frames (keyOf: what to sum under), largest first, and the total. */
export function selfTimes(
  profile: Profile,
  keyOf: (f: CallFrame) => string,
): { self: [string, number][]; total: number } {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    total += dt;
    const key = keyOf(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { self: [...self].sort((a, b) => b[1] - a[1]), total };
}

/** Self time per function (name and file), largest first. */
export function topFrames(profile: Profile, n: number): string[] {
  const { self, total } = selfTimes(profile, (f) => {
    const file = f.url
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*\/wt-[^/]+\//, '')
      .replace(/^https?:\/\/[^/]+\//, '');
    // The column too: a minified chunk of the browser is one line.
    return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`.trim();
  });
  return self
    .slice(0, n)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
}
