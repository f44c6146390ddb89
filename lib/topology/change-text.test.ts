// Descriptions, names and tags are refused, with what to do, when they hold a character EC2's XML cannot carry (it
// could never be read back, nor journaled): NUL and other C0 controls bar tab and line breaks, lone surrogates.
import { describe, expect, it } from 'vitest';
import { moveSchema } from './move';

const eni = 'eni-0123456789abcdef0';
const subnetId = 'subnet-0123456789abcdef0';
const movesWith = (t: string) => [
  { kind: 'set-description', eni, description: t },
  { kind: 'create-eni', subnetId, description: t },
  { kind: 'create-eni', subnetId, name: `n${t}` },
  { kind: 'allocate-eip', name: `n${t}` },
  { kind: 'set-tags', resourceId: eni, tags: { Owner: t } },
  { kind: 'set-tags', resourceId: eni, tags: { [`k${t}`]: 'v' } },
  { kind: 'set-tags', resourceId: eni, tags: { a: 'b' }, remove: [`k${t}`] },
];

describe('text EC2 cannot carry', () => {
  it.each(['\u0000', 'a\u0001b', '\u001b[2J', '\u000b', '\ud800', 'x\udc00', '\uffff'])('refuses %j', (t) => {
    for (const move of movesWith(t)) {
      const parsed = moveSchema.safeParse(move);
      expect(parsed.success, JSON.stringify(move)).toBe(false);
      // A tag key's own message is zod's record-key one (as for an aws: key); the others say what to remove.
      expect(parsed.error?.issues.map((i) => i.message).join()).toMatch(/EC2 cannot store|Invalid key in record/);
    }
  });

  it('accepts tabs, line breaks, quotes and any other Unicode', () => {
    for (const move of movesWith('tab\there\r\nline \'q\' "q" $(x) ☃ 😀 \u202e'))
      expect(moveSchema.safeParse(move).success).toBe(true);
  });
});
