// ESLint: the TypeScript rules everywhere; React's rules of hooks and Next's rules where React code lives.
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const reactCode = ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/queries/**/*.{ts,tsx}'];

export default defineConfig([
  globalIgnores(['.next/', 'node_modules/', 'test-results/', 'playwright-report/', 'next-env.d.ts']),
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a value kept for its position (a signature, a destructuring that drops keys).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only React code: Playwright fixtures call `use()` and the emulator tests `useEmulator()`, which are not hooks.
    // The React Compiler's own checks (refs, set-state-in-effect, …) stay off: the app is not compiled with it.
    files: reactCode,
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: reactCode, ...nextPlugin.configs['core-web-vitals'] },
]);
