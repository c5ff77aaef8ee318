/**
 * The dependency rules of ARCHITECTURE.md, checked by dependency-cruiser (`npm run lint:deps`,
 * part of `npm run lint`). Tests (test/) may import anything; the rules hold for the sources.
 * test/architecture/dependency-rules.test.ts proves each rule fails on a forbidden import.
 */
/** Modules the engine is made of or may read: itself, the lowered model's types, values. */
const ENGINE_MAY_IMPORT = '^language/src/(engine/|lowering/model[.]ts$|values/)';

module.exports = {
    forbidden: [
        {
            name: 'language-imports-no-server-or-client',
            comment: 'Dependencies point one way: client -> server -> language. The language package knows neither.',
            severity: 'error',
            from: { path: '^language/' },
            to: { path: '^(server|client)/' }
        },
        {
            name: 'server-imports-no-client',
            comment: 'Dependencies point one way: client -> server -> language. The server knows nothing of the VS Code client.',
            severity: 'error',
            from: { path: '^server/' },
            to: { path: '^client/' }
        },
        {
            name: 'engine-imports-no-langium-lsp-or-vscode',
            comment: 'The engine is a pure function of the lowered model: no Langium, no LSP, no VS Code, no Node built-ins (no I/O).',
            severity: 'error',
            from: { path: '^language/src/engine/' },
            to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] }
        },
        {
            name: 'engine-imports-only-the-lowered-model-and-values',
            comment: 'The engine reads the lowered model (lowering/model.ts) and values; never the syntax tree, validation or evaluation.',
            severity: 'error',
            from: { path: '^language/src/engine/' },
            to: { path: '^language/src/', pathNot: ENGINE_MAY_IMPORT }
        },
        {
            name: 'one-evaluator',
            comment: 'Every number comes from evaluation/: outside the engine, only evaluation/ runs the engine (engine/simulate.ts, engine.ts). '
                + 'decisions/ also drives it, for the totals of many runs without their series (decisions/summary.ts, whose totals a test '
                + 'holds equal to the full results\').',
            severity: 'error',
            from: { path: '^(language|server|client)/', pathNot: '^language/src/(engine|evaluation|decisions)/' },
            to: { path: '^language/src/engine/(simulate|engine)[.]ts$' }
        },
        {
            name: 'server-imports-language-through-its-entry',
            comment: 'The server imports the language package only through language/src/index.ts (or view.ts), never its internals.',
            severity: 'error',
            from: { path: '^server/' },
            to: { path: '^language/', pathNot: '^language/src/(index|view)[.]ts$' }
        },
        {
            name: 'client-imports-language-through-its-entry',
            comment: 'The client imports the language package only through language/src/view.ts (results and display; no Langium) or index.ts.',
            severity: 'error',
            from: { path: '^client/' },
            to: { path: '^language/', pathNot: '^language/src/(index|view)[.]ts$' }
        },
        {
            name: 'client-imports-server-through-its-entry',
            comment: 'The client imports the server package only through server/src/index.ts (the protocol).',
            severity: 'error',
            from: { path: '^client/' },
            to: { path: '^server/', pathNot: '^server/src/index[.]ts$' }
        },
        {
            name: 'sources-import-no-tests',
            comment: 'Tests depend on the sources, never the other way round.',
            severity: 'error',
            from: { path: '^(language|server|client)/' },
            to: { path: '^test/' }
        },
        {
            name: 'no-import-cycles',
            comment: 'No module runs code of a module that imports it back: each can be loaded and read on its own. (Type-only '
                + 'cycles are how Langium services name each other, so they are allowed outside the engine and lowering.)',
            severity: 'error',
            from: { path: '^(language|server|client)/' },
            to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
        },
        {
            name: 'no-cycles-through-the-model',
            comment: 'The lowered model, lowering and the engine import each other in one direction only, types included: '
                + 'lowering -> lowering/model.ts <- engine (shared model types are declared once, in lowering/model.ts).',
            severity: 'error',
            from: { path: '^language/src/(engine|lowering|values)/' },
            to: { circular: true }
        }
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(out|[.]cache|node_modules)/' },
        tsConfig: { fileName: 'tsconfig.json' },
        tsPreCompilationDeps: true,
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] }
    }
};
