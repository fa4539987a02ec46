// Lint: typescript-eslint's type-checked rules where a mistake loses data (a floating promise in a
// sync loop, a promise passed where a callback is expected), and the rooms of design.md as
// import rules, so the layering is checked by the same tool that checks everything else.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ours = (...rooms) => rooms.flatMap((r) => [`**/${r}`, `**/${r}/**`]);

// What each room may not import. shared/ is imported by everyone, so it imports nothing of ours
// and nothing of Node (the renderer runs it in a browser).
const rooms = {
  'shared/**': {
    patterns: [
      { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
      { group: ['../*', ...ours('electron', 'renderer', 'test')], message: 'shared/ imports nothing of ours.' },
    ],
    paths: [{ name: 'electron', message: 'shared/ never imports electron.' }],
  },
  'electron/core/**': {
    patterns: [{ group: ours('shell', 'cli', 'host', 'renderer'), message: 'electron/core/ is below the shell, the CLI and the host.' }],
    paths: [{ name: 'electron', message: 'electron/core/ runs in plain Node (CLI, host, tests): no electron import.' }],
  },
  'electron/cli/**': {
    patterns: [{ group: ours('shell', 'host', 'renderer'), message: 'The CLI uses the core only.' }],
    paths: [{ name: 'electron', message: 'The CLI runs in plain Node.' }],
  },
  'electron/host/**': {
    patterns: [{ group: ours('shell', 'cli', 'renderer'), message: 'The host uses the core only.' }],
    paths: [{ name: 'electron', message: 'The browser host runs in plain Node.' }],
  },
  'renderer/src/**': {
    patterns: [
      { group: ['node:*'], message: 'The renderer is a web page: no Node built-ins.' },
      { group: ours('electron'), message: 'The renderer talks to main only through the bridge on window.' },
    ],
    paths: [{ name: 'electron', message: 'The renderer never imports electron (contextIsolation, sandbox).' }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/**', 'coverage/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A `let` read by a closure made before its one assignment (a hook that looks a value up later) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Formatting as the code is already written, kept by the linter (`npm run lint -- --fix`).
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true }],
      '@stylistic/jsx-quotes': ['error', 'prefer-double'],
      '@stylistic/indent': ['error', 2, { SwitchCase: 1 }],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1 }],
      '@stylistic/eol-last': 'error',
      '@stylistic/max-len': ['error', { code: 200, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  ...Object.entries(rooms).map(([files, rule]) => ({ files: [files], rules: { 'no-restricted-imports': ['error', rule] } })),
  {
    // The shell's pure parts (policies, plans, drawing) run in plain Node under test: Electron's
    // types only. Calling Electron is for the wiring files named here.
    files: ['electron/shell/**'],
    ignores: ['electron/shell/{main,preload,ipc-handlers,tray,global-shortcuts,safe-storage-secrets,power-idle,mini-window}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', allowTypeImports: true, message: 'A pure part of the shell takes Electron as types only; call it from a wiring file.' }],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks. The plugin's React Compiler checks (purity, set-state-in-effect, …)
    // judge code for a compiler this renderer does not use: a ticking timer reads the clock in render.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Plain scripts run by node directly: no type information to check against.
    files: ['**/*.{mjs,cjs,js}', 'playwright.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
