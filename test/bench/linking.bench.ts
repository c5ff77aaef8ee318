// Parse + link + validate time of one generated model of 1,000 / 2,500 / 5,000 declarations:
// shows that the language front end grows linearly (issue 2: 5,000 well under 2 s).
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { stdlibDocument } from '../../language/src/loading/stdlib.js';
import { median, ms, table } from './util.js';

/**
 * A model with `n` declarations in equal parts suppliers, consumers, flows, shocks and
 * scenarios (plus a horizon). Flows connect suppliers to consumers far apart in the file, and
 * everything also names library regions and materials, so linking does real lookups.
 */
export function generateModel(n: number): string {
    const k = Math.floor(n / 5);
    const lines = ['horizon 2026-01 to 2028-12', 'step month'];
    const regions = ['China', 'Japan', 'Vietnam', 'France', 'Malaysia', 'Australia', 'UnitedStates', 'India'];
    for (let i = 0; i < k; i++)
        lines.push(`supplier S${i} in ${regions[i % regions.length]} { produces REE ${1000 + i} t/month  online 2026-0${1 + (i % 9)} ramp 3 months }`);
    for (let i = 0; i < k; i++)
        lines.push(
            `consumer C${i} in ${regions[(i + 1) % regions.length]} { needs REE 100 t/month  stock REE 30 days  priority high  loss 1 million JPY per t }`
        );
    for (let i = 0; i < k; i++) lines.push(`flow S${i} -> C${(i * 7919) % k} { REE 100 t/month lead 1 month }`);
    for (let i = 0; i < k; i++)
        lines.push(`shock K${i} { embargo ${regions[i % regions.length]} -> * on REE cut 50%  from 2026-0${1 + (i % 9)} for 3 months }`);
    const share = 100 / k;
    for (let i = 0; i < k; i++) lines.push(`scenario X${i} probability ${share}% { K${i} }`);
    return lines.join('\n') + '\n';
}

interface Timing {
    total: number;
    parse: number;
    link: number;
    validate: number;
    diagnostics: number;
}

/** One fresh workspace: library built first (not timed), then the model, phase by phase. */
async function timeOnce(text: string): Promise<Timing> {
    const { shared } = createChokepointCoreServices(EmptyFileSystem);
    const builder = shared.workspace.DocumentBuilder;
    await builder.build([stdlibDocument(shared)], { validation: true });
    const marks = new Map<DocumentState, number>();
    for (const state of [DocumentState.IndexedContent, DocumentState.Linked, DocumentState.Validated]) {
        builder.onBuildPhase(state, () => {
            marks.set(state, performance.now());
        });
    }
    const start = performance.now();
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///bench/model.choke'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await builder.build([document], { validation: true });
    const end = performance.now();
    const indexed = marks.get(DocumentState.IndexedContent)!;
    const linked = marks.get(DocumentState.Linked)!;
    return {
        total: end - start,
        parse: indexed - start,
        link: linked - indexed,
        validate: end - linked,
        diagnostics: document.diagnostics?.length ?? -1
    };
}

export async function bench(): Promise<{ title: string; markdown: string }> {
    const sizes = [1000, 2500, 5000];
    const runs = 7;
    const rows: (string | number)[][] = [];
    for (const n of sizes) {
        const text = generateModel(n);
        await timeOnce(text); // warm up the JIT at this size
        const timings: Timing[] = [];
        for (let i = 0; i < runs; i++) timings.push(await timeOnce(text));
        const pick = (f: (t: Timing) => number) => median(timings.map(f));
        const total = pick(t => t.total);
        rows.push([
            n.toLocaleString('en-US'),
            text.split('\n').length - 1,
            ms(pick(t => t.parse)),
            ms(pick(t => t.link)),
            ms(pick(t => t.validate)),
            `**${ms(total)}**`,
            `${((total * 1000) / n).toFixed(0)} µs`,
            timings[0].diagnostics
        ]);
    }
    const markdown = [
        `One generated model (\`generateModel\` in \`test/bench/linking.bench.ts\`): equal parts suppliers, consumers, flows,`,
        `shocks and scenarios, referring to each other and to the standard library. Each size is built once to warm up, then ${runs} times in a fresh`,
        'workspace (library built first, not timed); the table shows medians. "parse" includes indexing the names,',
        '"link" computing scopes and resolving every reference, "validate" every check. A constant time per declaration',
        'means linear growth. Run: `npm run build && node test/bench/run.mjs linking`.',
        '',
        table(['declarations', 'lines', 'parse', 'link', 'validate', 'total', 'per declaration', 'diagnostics'], rows)
    ].join('\n');
    return { title: 'Parse, link and validate (language front end)', markdown };
}
