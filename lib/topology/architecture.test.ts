// lib/topology's architecture: pure (imports nothing of the project but zod), kebab-case files with a header comment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;

describe('lib/topology stays pure', () => {
  it('imports nothing outside lib/topology except zod (test files aside)', () => {
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      return specifiers
        .filter((spec) => spec !== 'zod' && !/^\.\/[a-z0-9-]+$/.test(spec))
        .map((spec) => `${file}: ${spec}`);
    });
    expect(offenders).toEqual([]);
  });

  it('uses kebab-case file names with a header comment', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      expect(file).toMatch(/^[a-z0-9-]+(\.test)?\.ts$/);
      if (!file.endsWith('.test.ts')) expect(readFileSync(join(dir, file), 'utf8').startsWith('// ')).toBe(true);
    }
  });
});
