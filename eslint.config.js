// @ts-check
/**
 * Lint is where Tandem's architecture is enforced (architecture.md §5):
 * - contexts (background, popup, options, content) never import each other; src/shared imports none;
 * - the sync engine (src/background/sync) imports only src/shared and its own folder, and sees no
 *   browser, network or DOM globals; provider adapters import only the engine and src/shared;
 * - only the browser seams import webextension-polyfill or touch `chrome`;
 * - no floating promises, exhaustive switches, no console outside the logger.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import tandem from './eslint/restricted-paths.js';
import globals from 'globals';

/** Files allowed to import webextension-polyfill / use the `chrome` global. */
const BROWSER_SEAMS = [
  'src/background/platform/**',
  'src/background/offscreen/**',
  'src/shared/messaging/ui-client.ts',
  'src/shared/ui/i18n.ts',
  'src/content/transport.ts',
];

const contexts = ['background', 'popup', 'options', 'content'];
const contextZones = contexts.map((target) => ({
  target: `./src/${target}`,
  from: contexts.filter((c) => c !== target).map((c) => `./src/${c}`),
  message: `src/${target} may not import another context; move shared code to src/shared.`,
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-*/**', 'artifacts/**', 'coverage/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { tandem },
    rules: {
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'tandem/restricted-paths': [
        'error',
        {
          zones: [
            ...contextZones,
            {
              target: './src/shared',
              from: contexts.map((c) => `./src/${c}`),
              message: 'src/shared is used by every context and may not depend on one.',
            },
            {
              target: './src/background/sync',
              from: './src',
              except: ['./shared', './background/sync'],
              message: 'The sync engine is pure: it imports only src/shared and its own folder.',
            },
            {
              target: './src/background/providers',
              from: './src/background',
              except: ['./providers', './sync'],
              message: 'Provider adapters see only the engine (ports, model, errors) and shared code.',
            },
            {
              target: './src/runner',
              from: './src',
              except: ['./runner', './background/sync', './background/providers', './shared'],
              message: 'The runner uses the engine, the adapters and shared code — nothing browser-bound.',
            },
            {
              target: './src',
              from: ['./test', './scripts'],
              message: 'Product code may not depend on tests or scripts.',
            },
          ],
        },
      ],
    },
  },
  // Product code: runs in the browser, never in Node.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Only the browser seams may import the polyfill.' }],
          patterns: [{ group: ['node:*'], message: 'Product code runs in the browser, not Node.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use the browser seam (src/background/platform).' }],
    },
  },
  {
    files: BROWSER_SEAMS,
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  // The service worker has no window, document or Web Storage (the offscreen document does).
  {
    files: ['src/background/**/*.ts'],
    ignores: ['src/background/offscreen/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'Not available in a service worker.' },
        { name: 'document', message: 'Not available in a service worker.' },
        { name: 'localStorage', message: 'Not available in a service worker.' },
        { name: 'sessionStorage', message: 'Not available in a service worker.' },
        { name: 'chrome', message: 'Use the browser seam (src/background/platform).' },
      ],
    },
  },
  {
    files: ['src/background/platform/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  // The sync engine: ports only.
  {
    files: ['src/background/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'The sync engine is pure.' }],
          patterns: [{ group: ['node:*', '@microsoft/*', '@azure/*', 'preact', 'preact/*'], message: 'The sync engine talks to ports only.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser', 'fetch', 'window', 'document', 'localStorage', 'sessionStorage', 'XMLHttpRequest', 'setInterval'].map(
          (name) => ({ name, message: 'The sync engine is pure: use its ports (provider, store, clock, logger).' }),
        ),
      ],
    },
  },
  {
    files: ['src/shared/logger.ts'],
    rules: { 'no-console': 'off' },
  },
  // The headless runner is the one part of src/ that runs in Node (file store, process I/O).
  {
    files: ['src/runner/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'The runner runs in Node.' }] }],
    },
  },
  // Tests, simulators and scripts run in Node.
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', '*.config.ts', 'eslint.config.js', 'eslint/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['eslint.config.js', 'eslint/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
