import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The renderer is browser code: it reaches main only through the admin contract (contract/) and the preload bridge. */
const rendererBoundary = {
  '@typescript-eslint/no-restricted-imports': ['error', {
    paths: [{ name: 'electron', message: 'The renderer talks to main through window.inkstand (preload/).' }],
    patterns: [
      { group: ['**/main/**', '!**/main.tsx'], message: 'The renderer never imports main/: shared shapes live in contract/.' },
      { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'Node modules do not exist in the renderer.' },
      { group: ['**/preload/**'], message: 'The preload is reached through window.inkstand.' },
    ],
  }],
  'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'global'],
  // A component re-renders on every change of a store it takes whole: it selects the fields it shows.
  // (Any zero-argument use…() but React's own hooks that take none.)
  'no-restricted-syntax': ['error', {
    selector: 'CallExpression[arguments.length=0][callee.name=/^use(?!(State|Ref|Id|Transition|FormStatus)$)[A-Z]\\w*$/]',
    message: 'Select what the component uses: useStore((s) => s.field); actions through useStore.getState().',
  }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '.tmp/**', 'test/fixtures/recipes/**'] }, // recipes are inputs written in TRMNL's dialects, not our code
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...rendererBoundary },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'node:*'], message: 'contract/ is imported by both sides, so it imports neither.' }] }],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'test/**/*.{ts,tsx,mjs}', 'bin/**/*.mjs', 'bench/**/*.{ts,mjs}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/desktop/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/desktop/ may import electron: the core runs headless too.' }] }],
    },
  },
);
