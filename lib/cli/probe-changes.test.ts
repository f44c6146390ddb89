// The probe's CLI-line check: it flags the lines a hostile description or Name used to produce (a bare --description
// read from file://, a Name splitting the shorthand), and passes the plan lines the console makes now.
import { describe, expect, it } from 'vitest';
import { demoIds as d, demoSnapshot, planOf } from '@/lib/testing/snapshots';
import { checkMove } from '@/lib/topology';
import { HOSTILE_TEXT, unsafeCliLines } from './probe-changes';

const q = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

describe('unsafeCliLines', () => {
  it('flags a description passed as a bare option and a Name spliced into shorthand', () => {
    const oneLine = HOSTILE_TEXT.replace(/[^\x20-\x7e]/g, ' ');
    const lines = [
      `aws ec2 create-network-interface --subnet-id ${d.subnetA} --description ${q(`file:///etc/passwd ${oneLine}`)}`,
      `aws ec2 allocate-address --domain vpc --tag-specifications ${q(`ResourceType=elastic-ip,Tags=[{Key=Name,Value=${oneLine}}]`)}`,
      `aws ec2 create-tags --resources ${d.poolB} --tags ${q(JSON.stringify([{ Key: 'Owner', Value: HOSTILE_TEXT }]))}`,
    ];
    expect(unsafeCliLines(lines)).toEqual(lines);
  });

  it('passes the console’s own lines of hostile text', () => {
    const s = demoSnapshot();
    const lines = [
      { kind: 'create-eni', subnetId: d.subnetA, description: HOSTILE_TEXT, name: HOSTILE_TEXT },
      { kind: 'allocate-eip', name: HOSTILE_TEXT },
      { kind: 'set-tags', resourceId: d.poolB, tags: { Owner: HOSTILE_TEXT } },
      { kind: 'set-description', eni: d.poolB, description: HOSTILE_TEXT },
    ].flatMap((move) => planOf(checkMove(s, move as never)).steps.map((step) => step.cli));
    expect(lines).toHaveLength(4);
    expect(unsafeCliLines(lines)).toEqual([]);
  });
});
