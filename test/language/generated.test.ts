/**
 * `language/src/generated/` is committed: it must be exactly what `langium generate` makes of
 * the grammar today. The grammar is generated again into a temporary folder, with the project's
 * own langium-config.json (only `out` changed), and every file compared byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const COMMITTED = path.join(ROOT, 'language/src/generated');
const temp = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-generated-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('language/src/generated is what langium generate produces from the grammar', () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, 'langium-config.json'), 'utf8')) as { out: string; languages: { grammar: string }[] };
    const out = path.join(temp, 'generated');
    // Paths in the config are relative to it: the grammar stays the project's, only `out` moves.
    const relocated = { ...config, out, languages: config.languages.map(l => ({ ...l, grammar: path.join(ROOT, l.grammar) })) };
    const configFile = path.join(temp, 'langium-config.json');
    writeFileSync(configFile, JSON.stringify(relocated, null, 2));
    const cli = path.join(ROOT, 'node_modules/langium-cli/bin/langium.js');
    const run = spawnSync(process.execPath, [cli, 'generate', '--file', configFile], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr + run.stdout).toBe(0);

    const files = (dir: string) => readdirSync(dir).sort();
    expect(files(out)).toEqual(files(COMMITTED));
    for (const file of files(COMMITTED)) {
        const committed = readFileSync(path.join(COMMITTED, file), 'utf8');
        const fresh = readFileSync(path.join(out, file), 'utf8');
        // On a difference: run `npm run langium:generate` and commit language/src/generated with the grammar.
        expect(fresh === committed, `language/src/generated/${file} differs from a fresh langium generate`).toBe(true);
    }
});
