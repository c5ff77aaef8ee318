// Bundles the chart view's script (client/webview/chart.ts with Chart.js) into out/chart.js for
// the browser: the webview loads nothing from the network. `--release` minifies.
import * as esbuild from 'esbuild';

const release = process.argv.includes('--release');
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
console.log(`built out/chart.js${release ? ' (release)' : ''}`);
