// Counts per outcome, move kind, rule and EC2 error code, and the readable report of each disagreement.
import type { CaseResult, Disagreement, Outcome } from './harness';

type Row = Record<Outcome, number>;
const emptyRow = (): Row => ({ allowed: 0, refused: 0, 'console-side': 0, disagreement: 0 });

export class Tally {
  cases = 0;
  readonly outcomes: Row = emptyRow();
  readonly byKind = new Map<string, Row>();
  readonly byRule = new Map<string, Row>();
  readonly byCode = new Map<string, number>();
  readonly disagreements: Disagreement[] = [];

  add(results: readonly CaseResult[], disagreements: readonly Disagreement[]): void {
    for (const r of results) {
      this.cases += 1;
      this.outcomes[r.outcome] += 1;
      bump(this.byKind, r.kind, r.outcome);
      for (const rule of new Set(r.rules)) bump(this.byRule, rule, r.outcome);
      const failed = r.calls.find((c) => !c.ok);
      if (failed?.code) this.byCode.set(failed.code, (this.byCode.get(failed.code) ?? 0) + 1);
    }
    this.disagreements.push(...disagreements);
  }

  /** Agreeing cases over all cases, in percent. */
  rate(): number {
    return this.cases === 0 ? 100 : (100 * (this.cases - this.outcomes.disagreement)) / this.cases;
  }

  summary(): string {
    const table = (title: string, map: Map<string, Row>) => [
      title,
      ...[...map.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([k, row]) =>
            `  ${k.padEnd(26)} ${String(total(row)).padStart(6)}  allowed ${row.allowed}, refused ${row.refused}, console-side ${row['console-side']}, disagreements ${row.disagreement}`,
        ),
    ];
    return [
      `cases ${this.cases}; agreement ${this.rate().toFixed(2)}% (allowed ${this.outcomes.allowed}, refused with the predicted error ${this.outcomes.refused}, console-side ${this.outcomes['console-side']}, disagreements ${this.outcomes.disagreement})`,
      ...table('per move kind:', this.byKind),
      ...table('per cited rule (refusals):', this.byRule),
      'EC2 error codes seen:',
      ...[...this.byCode.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `  ${code.padEnd(40)} ${n}`),
    ].join('\n');
  }
}

function bump(map: Map<string, Row>, key: string, outcome: Outcome): void {
  const row = map.get(key) ?? emptyRow();
  row[outcome] += 1;
  map.set(key, row);
}

const total = (row: Row): number => row.allowed + row.refused + row['console-side'] + row.disagreement;

/** Everything needed to replay and judge one disagreement: runTopology(seed) replays it exactly. */
export function formatDisagreement(d: Disagreement): string {
  const verdict = d.verdict.ok
    ? `allowed: ${d.verdict.plan.steps.map((s) => `${s.action} ${JSON.stringify(s.input)}`).join(' → ')}`
    : `refused: ${d.verdict.reasons.map((r) => `[${r.rule}] ${r.message}`).join(' | ')}`;
  const answer = d.calls.map(
    (c) => `${c.action} ${JSON.stringify(c.input)} → ${c.ok ? 'ok' : `${c.code}: ${c.message}`}`,
  );
  return [
    `DISAGREEMENT seed ${d.seed}, move #${d.index} (${d.kind})`,
    `  move:     ${JSON.stringify(d.move)}`,
    `  verdict:  ${verdict}`,
    `  emulator: ${answer.length > 0 ? answer.join('\n            ') : '(no call)'}`,
    ...d.detail.map((line) => `  ${line}`),
    `  setup: ${d.setup.length === 0 ? '(none)' : d.setup.join('; ')}`,
    `  moves before it: ${d.history.length === 0 ? '(none)' : d.history.map((m) => JSON.stringify(m)).join(', ')}`,
    `  settings: checker ${JSON.stringify(d.scenario.checkSettings)}, emulator ${JSON.stringify(d.scenario.emulatorSettings)}`,
    `  scenario: ${JSON.stringify(d.scenario.definition)}`,
  ].join('\n');
}
