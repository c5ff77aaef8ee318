// Bundles the CLI, the language server and the VS Code extension into out/ as CommonJS, and the
// chart view's script (client/webview/chart.ts with Chart.js) for the browser: the webview loads
// nothing from the network.
// `node esbuild.mjs` builds for development (source maps); `--release` minifies.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const release = process.argv.includes('--release');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

// Langium 4.4 calls Object.groupBy (Node >= 21). This small polyfill lets the bundles also run on
// Node 20, the system Node of our machines; VS Code and the npm scripts use Node 22 anyway.
const groupByPolyfill = `if (!Object.groupBy) { Object.groupBy = (items, key) => { const r = Object.create(null); let i = 0; for (const x of items) { const k = key(x, i++); (r[k] ??= []).push(x); } return r; }; }`;

// One copy of the JSON-RPC library in each bundle. Langium imports ResponseError from the top-level
// vscode-languageserver-protocol (on vscode-jsonrpc 10) while the connection of vscode-languageserver
// uses its own (vscode-jsonrpc 9): a Langium error then failed the connection's `instanceof` check
// and went out as a *result* `{ "code": -32802 }` instead of an error response.
const rpcHome = path.resolve('node_modules/vscode-languageserver');
const oneRpc = {
    name: 'one-json-rpc',
    setup(build) {
        build.onResolve({ filter: /^vscode-(jsonrpc|languageserver-protocol)(\/.*)?$/ }, async args => {
            if (args.pluginData === 'one-json-rpc' || !existsSync(rpcHome)) return undefined;
            // Resolved as vscode-languageserver itself resolves it (its nested copies).
            return build.resolve(args.path, { resolveDir: rpcHome, kind: args.kind, pluginData: 'one-json-rpc' });
        });
    }
};

const entries = [
    // out/cli.js and out/server.js turn the compile cache on, then load out/cli-main.js and
    // out/server-main.js (the CLI and the language server proper): language/src/loading/bundle-loader.ts.
    { in: 'language/src/loading/bundle-loader.ts', out: 'cli' },
    { in: 'language/src/cli/cli-main.ts', out: 'cli-main' },
    { in: 'language/src/loading/bundle-loader.ts', out: 'server' },
    { in: 'language/src/evaluation/pool-worker.ts', out: 'pool-worker' },
    { in: 'language/src/cli/samples-worker.ts', out: 'samples-worker' },
    { in: 'server/src/main.ts', out: 'server-main' },
    { in: 'client/src/extension.ts', out: 'extension' }
].filter(e => existsSync(e.in));

// The report's page script (client/webview/report.ts with Chart.js), built first: the CLI carries
// it as text and inlines it into every report it writes (no file to find at run time).
const reportPage = await esbuild.build({
    entryPoints: { 'report-page': 'client/webview/report.ts' },
    outdir: 'out',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    minify: true,
    legalComments: 'inline',
    write: false,
    logLevel: 'warning'
});
const reportScript = reportPage.outputFiles[0].text;
mkdirSync('out', { recursive: true });
writeFileSync('out/report-page.js', reportScript);

await esbuild.build({
    entryPoints: entries,
    outdir: 'out',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    plugins: [oneRpc],
    loader: { '.choke': 'text' },
    define: { __CHOKEPOINT_VERSION__: JSON.stringify(version), __CHOKEPOINT_REPORT_SCRIPT__: JSON.stringify(reportScript) },
    banner: { js: groupByPolyfill },
    sourcemap: release ? false : 'linked',
    minify: release,
    logLevel: 'warning'
});

const webview = existsSync('client/webview/chart.ts');
if (webview) {
    await esbuild.build({
        entryPoints: { chart: 'client/webview/chart.ts' },
        outdir: 'out',
        bundle: true,
        platform: 'browser',
        target: 'chrome120',
        format: 'iife',
        sourcemap: release ? false : 'linked',
        minify: release,
        legalComments: release ? 'none' : 'inline',
        logLevel: 'warning'
    });
}
const built = [...entries.map(e => `out/${e.out}.js`), ...(webview ? ['out/chart.js'] : [])];
console.log(`built ${built.join(', ')}${release ? ' (release)' : ''}`);
