// Bundles the editor tests: the Playwright runner (Node), the companion extension that runs
// the in-editor checks inside code-server, and the same checks as an @vscode/test-electron
// suite. Output: .cache/editor-test/ (not committed, not packaged).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const outdir = '.cache/editor-test';
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', loader: { '.choke': 'text' } };

await esbuild.build({
    ...common,
    entryPoints: {
        runner: 'test/editor/runner/main.ts',
        'vscode-runner': 'test/editor/runner/electron.ts',
        'first-lenses': 'test/editor/runner/firstLenses.ts'
    },
    outdir,
    external: ['playwright-core', '@vscode/test-electron']
});
await esbuild.build({ ...common, entryPoints: { extension: 'test/editor/companion/extension.ts' }, outdir: `${outdir}/companion`, external: ['vscode'] });
await esbuild.build({ ...common, entryPoints: { suite: 'test/editor/suite/electron.ts' }, outdir, external: ['vscode'] });
mkdirSync(`${outdir}/companion`, { recursive: true });
copyFileSync('test/editor/companion/package.json', `${outdir}/companion/package.json`);
console.log(`built ${outdir}/{runner,vscode-runner,first-lenses,suite}.js and ${outdir}/companion/`);
