// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, flatConfigs as importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every folder under features/ is a feature, so a new one is fenced in without editing this file. */
const features = readdirSync(new URL('./src/web/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * One-way imports (DESIGN.md): contract ← web / bff / engine / mocks; the bff never imports the engine
 * (it talks to it over HTTP with the SDK); a web feature never imports another feature, and the shared
 * web layers (lib, components) import no feature.
 */
const zones = [
  {
    target: './src/contract',
    from: ['./src/web', './src/bff', './src/engine', './mocks'],
    message: 'The contract imports nothing of ours.',
  },
  {
    target: './src/web',
    from: ['./src/engine', './src/bff', './mocks'],
    except: [],
    message: 'The SPA talks to the bff over /api, with contract types.',
  },
  {
    target: './src/bff',
    from: ['./src/engine', './src/web'],
    message: 'The bff reaches the engine through the SDK only.',
  },
  { target: './src/engine', from: ['./src/bff', './src/web', './mocks'], message: 'The engine stands alone.' },
  {
    target: './mocks',
    from: ['./src/engine', './src/web'],
    message: 'The mocks stand for the FC OpenAPI from the contract, never from the engine they are checked against.',
  },
  {
    target: ['./src/web/lib', './src/web/components'],
    from: ['./src/web/features', './src/web/app'],
    message: 'lib/ and components/ serve every feature and the app, so they import neither.',
  },
  ...features.map((feature) => ({
    target: `./src/web/features/${feature}`,
    from: './src/web/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature: move what they share to components/ or lib/.',
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.fc-console', 'src/engine/runtime/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.recommended,
  importX.typescript,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'error',
      'import-x/no-unresolved': 'off', // TypeScript resolves imports
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  {
    // Component tests run the bff in-process against the MSW handlers of the FC OpenAPI.
    files: ['src/web/**/*.test.{ts,tsx}', 'src/web/testing/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }, // Playwright fixtures destructure `{}`
  },
);
