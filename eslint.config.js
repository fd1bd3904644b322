// The linter of `npm test`: typescript-eslint's strict type-checked rules on every TypeScript file, and no import
// cycles (eslint-plugin-import-x). The server's tsconfig and the web app's (src/web/tsconfig.json) are both used.
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'data/**', 'bin/**', '**/*.mjs', 'eslint.config.js', 'vite.config.ts'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // Dependencies are parsed as TypeScript too, or a cycle through a .ts file goes unseen.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      // `_` names what is there to be left out: `const { id: _, ...rest }`, `(_line, b) => …`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Numbers in Vietnamese messages ("vượt số đại biểu có mặt (${present})") are the common case.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess every index read is `T | undefined`; `xs[i]!` inside a bounds-checked loop is
      // the idiom, and the type checker already refuses an unchecked read.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `onClick={() => setOpen(false)}`: an arrow's shorthand body returning void says what it does.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Tests: page.evaluate callbacks run in the browser, whose DOM types the server's tsconfig does not have; fakes
    // are async to match the interface they stand for; `m?.[1]` on a match the test has just asserted reads better
    // than a non-null assertion.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
);
