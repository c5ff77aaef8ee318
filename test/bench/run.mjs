// `npm run bench`: bundles every test/bench/*.bench.ts with esbuild, runs them in order,
// and writes their sections to docs/benchmarks.md with the machine and the command.
// A bench module exports `async function bench(): Promise<{ title: string, markdown: string }>`.
import * as esbuild from 'esbuild';
import { mkdtempSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
const dir = path.dirname(new URL(import.meta.url).pathname);
const files = readdirSync(dir)
    .filter(f => f.endsWith('.bench.ts'))
    .sort()
    .filter(f => only.length === 0 || only.some(o => f.includes(o)));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-'));
const sections = [];
for (const file of files) {
    const outfile = path.join(tmp, file.replace(/\.ts$/, '.mjs'));
    await esbuild.build({
        entryPoints: [path.join(dir, file)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        loader: { '.choke': 'text' },
        external: ['vscode'],
        logLevel: 'warning',
        // An ES module has no __dirname: the sources find out/'s worker bundles and the report
        // page from their own folder (three levels under the repository), so give them one there.
        banner: {
            js: `import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url); const __dirname = ${JSON.stringify(path.join(dir, '../../language/src/evaluation'))};`
        }
    });
    process.stdout.write(`running ${file} ...\n`);
    const { bench } = await import(pathToFileURL(outfile).href);
    const section = await bench();
    process.stdout.write(`${section.markdown}\n\n`);
    sections.push(section);
}
rmSync(tmp, { recursive: true, force: true });

if (only.length === 0) {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
    const text = [
        '# Benchmarks',
        '',
        'Written by `npm run bench` (`node test/bench/run.mjs` after the build); run it again to refresh.',
        `Each section says what it measures and how. Machine: ${machine}.`,
        '',
        ...sections.flatMap(s => [`## ${s.title}`, '', s.markdown.trim(), ''])
    ].join('\n');
    writeFileSync(path.join(dir, '..', '..', 'docs', 'benchmarks.md'), text);
    process.stdout.write('wrote docs/benchmarks.md\n');
}
