// The emulator is an independent implementation of EC2's rules: nothing in lib/emulator imports the rest of the
// project; its tests reach only their own support in lib/testing, which imports nothing but the emulator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATOR_DIR } from './paths';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('lib/emulator imports', () => {
  const files = [...sourceFiles(EMULATOR_DIR), resolve(EMULATOR_DIR, '../cli/emulator.ts')];
  /** The emulator tests' support, and what it may import of the project: the emulator alone. */
  const support = ['emulator.ts', 'aws-cli.ts', 'env.ts'].map((name) => resolve(EMULATOR_DIR, '../testing', name));

  it.each(files.map((f) => [relative(resolve(EMULATOR_DIR, '../..'), f), f]))(
    '%s imports nothing from lib/topology, lib/ec2 or elsewhere in the project',
    (_rel, file) => {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (file.endsWith('.test.ts') && /^@\/lib\/testing\/(emulator|aws-cli|env)$/.test(spec)) continue;
        expect(spec).not.toMatch(/lib\/(topology|ec2)/);
        expect(spec.startsWith('@/')).toBe(false);
        if (spec.startsWith('.')) {
          const target = resolve(file, '..', spec);
          // Relative imports stay inside lib/emulator (the CLI may reach it, nothing further).
          expect(target.startsWith(EMULATOR_DIR)).toBe(true);
        }
      }
    },
  );

  it.each(support.map((f) => [relative(resolve(EMULATOR_DIR, '../..'), f), f]))(
    "%s (the tests' support) imports nothing of the project but lib/emulator",
    (_rel, file) => {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (spec.startsWith('@/') || spec.startsWith('.')) expect(spec).toMatch(/^@\/lib\/emulator(\/|$)/);
      }
    },
  );

  it('finds the import statements it checks', () => {
    const text = readFileSync(join(EMULATOR_DIR, 'index.ts'), 'utf8');
    expect([...text.matchAll(IMPORT)].length).toBeGreaterThan(0);
  });
});
