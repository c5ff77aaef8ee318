// ESLint: typescript-eslint's recommended type-checked rules over every TypeScript file (sources,
// tests, the webview), the plain recommended rules over the build scripts. Rules are tuned, not
// silenced: each one changed below says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: ['out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'language/src/generated/**', '**/*.vsix']
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: {
                // The nearest tsconfig.json: the root one, or client/webview's (DOM types) for the webview.
                projectService: true,
                tsconfigRootDir: import.meta.dirname
            }
        },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            // Methods that implement a Promise-returning interface (Langium's providers, VS Code's
            // activate, file systems in tests) are `async` so that a throw becomes a rejection,
            // with or without an `await` inside. The promise bugs that matter are caught by
            // no-floating-promises, no-misused-promises and await-thenable, which stay on.
            '@typescript-eslint/require-await': 'off',
            // Parameters a signature needs but a body does not use are named with a leading `_`.
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
        }
    },
    {
        // The engine is a pure function of the lowered model: no clock, no scheduling, no
        // unseeded randomness, no process (ARCHITECTURE.md, "The engine is pure"). Imports of
        // Langium, LSP, VS Code and Node are dependency-cruiser's part (.dependency-cruiser.cjs).
        files: ['language/src/engine/**/*.ts'],
        rules: {
            'no-restricted-globals': [
                'error',
                ...['performance', 'Date', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process', 'require', 'fetch'].map(name => ({
                    name,
                    message: 'The engine is pure: no clock, scheduling or I/O (the caller drives it: simulateStepwise).'
                }))
            ],
            'no-restricted-properties': [
                'error',
                { object: 'Math', property: 'random', message: 'The engine is deterministic: draws come from values/random.ts, seeded, via lowering.' }
            ]
        }
    },
    {
        // Build and bench scripts and tool configs: plain Node modules, not part of a TypeScript project.
        files: ['**/*.mjs', '**/*.cjs'],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: {
            ...tseslint.configs.disableTypeChecked.languageOptions,
            globals: Object.fromEntries(['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'Buffer'].map(name => [name, 'readonly']))
        }
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } }
    }
);
