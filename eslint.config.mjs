import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // The Azure layer, the sandbox and the sign-in contracts never touch the VS Code API (type-only imports aside).
    files: ['src/azure/**/*.ts', 'src/sandbox/**/*.ts', 'src/bundles/sdkBundle.ts', 'src/bundles/sandboxBundle.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'No vscode below the UI layers.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Notifications, modals, progress and QuickPicks make links of Markdown link syntax and icons of `$(…)`: the
    // extension's own calls go through src/ui/notify.ts and src/ui/progress.ts, which show names as text.
    files: ['src/**/*.ts'],
    ignores: ['src/ui/notify.ts', 'src/ui/progress.ts', 'src/sandbox/**', 'src/webview-ui/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'showInformationMessage',
          'showWarningMessage',
          'showErrorMessage',
          'showQuickPick',
          'createQuickPick',
          'withProgress',
          'setStatusBarMessage',
        ].map((property) => ({
          property,
          message: 'Use src/ui/notify.ts (or ui/progress withProgress): it shows names as text.',
        })),
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
