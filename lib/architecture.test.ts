// Repository-wide rules a reader relies on: every citation of the EC2 rules opens a section of lib/ec2-rules.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const RULES = 'lib/ec2-rules.md';
const SOURCE = /\.(ts|tsx|js|mjs|md)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) && path !== RULES ? [path] : [];
  });
}

// This file spells the citation pattern itself, so it is the one file not scanned.
const files = ['app', 'components', 'lib', 'e2e'].flatMap(sourceFiles).filter((f) => f !== 'lib/architecture.test.ts');

/** Section numbers of lib/ec2-rules.md: `## 3 Operations` → "3", `### 3.13 AssignPrivateIpAddresses` → "3.13". */
function ruleSections(): Set<string> {
  const text = readFileSync(join(root, RULES), 'utf8');
  return new Set([...text.matchAll(/^#{2,3} (\d+(?:\.\d+)*)\s/gm)].map((m) => m[1]!));
}

describe('lib/ec2-rules.md is what the code cites', () => {
  it('has a section for every `ec2-rules §X.Y` cited in app, components, lib and e2e (both ends of a range)', () => {
    const sections = ruleSections();
    expect(sections.has('3.13') && sections.has('10.4')).toBe(true);
    const missing: string[] = [];
    let cited = 0;
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/ec2-rules §(\d+(?:\.\d+)*)(?:–§(\d+(?:\.\d+)*))?/g)) {
        for (const section of [m[1], m[2]].filter((s) => s !== undefined)) {
          cited++;
          if (!sections.has(section)) missing.push(`${file}: §${section}`);
        }
      }
    }
    expect(cited).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('cites one way: every § in the code is an `ec2-rules §X.Y` citation', () => {
    const bare = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const rest = line.replace(/ec2-rules §\d+(?:\.\d+)*(?:–§\d+(?:\.\d+)*)?/g, '');
          return rest.includes('§') ? [`${file}:${i + 1}: ${line.trim()}`] : [];
        }),
    );
    expect(bare).toEqual([]);
  });

  it('no longer cites the reference that lived outside the repository', () => {
    const outside = 'ec2-' + 'behaviour.md';
    const offenders = [...files, 'README.md'].filter((file) =>
      readFileSync(join(root, file), 'utf8').includes(outside),
    );
    expect(offenders.map((f) => relative(root, join(root, f)))).toEqual([]);
  });
});
