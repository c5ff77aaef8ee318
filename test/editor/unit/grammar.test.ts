import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import specText from '../../../examples/spec/spec.choke';

const require = createRequire(import.meta.url);
const grammarPath = 'client/syntaxes/chokepoint.tmLanguage.json';

async function loadGrammar(): Promise<textmate.IGrammar> {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: p => new oniguruma.OnigScanner(p), createOnigString: s => new oniguruma.OnigString(s) }),
        loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
    });
    const grammar = await registry.loadGrammar('source.chokepoint');
    if (!grammar) throw new Error('grammar did not load');
    return grammar;
}

/** Each token's text and its most specific scope, for every line of `text`. */
function tokenize(grammar: textmate.IGrammar, text: string): Array<[string, string]> {
    const tokens: Array<[string, string]> = [];
    let state = textmate.INITIAL;
    for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const t of result.tokens) {
            const piece = line.slice(t.startIndex, t.endIndex);
            if (piece.trim()) tokens.push([piece.trim(), t.scopes[t.scopes.length - 1]]);
        }
        state = result.ruleStack;
    }
    return tokens;
}

function scopeOf(tokens: Array<[string, string]>, text: string): string | undefined {
    return tokens.find(([piece]) => piece === text)?.[1];
}

describe('TextMate grammar', async () => {
    const grammar = await loadGrammar();

    test('the spec example gets the scopes a theme colours', () => {
        const tokens = tokenize(grammar, specText);
        expect(scopeOf(tokens, 'import')).toBe('keyword.control.import.chokepoint');
        expect(scopeOf(tokens, '"./world.choke"')).toBe('string.quoted.double.path.chokepoint');
        expect(scopeOf(tokens, '2026-01')).toBe('constant.numeric.date.chokepoint');
        expect(scopeOf(tokens, 'consumer')).toBe('storage.type.consumer.chokepoint');
        expect(scopeOf(tokens, 'JapanIndustry')).toBe('entity.name.type.consumer.chokepoint');
        expect(scopeOf(tokens, '1478')).toBe('constant.numeric.chokepoint');
        expect(scopeOf(tokens, 't')).toBe('keyword.other.unit.chokepoint');
        expect(scopeOf(tokens, 'month')).toBe('constant.language.step.chokepoint');
        expect(scopeOf(tokens, 'million')).toBe('keyword.other.unit.scale.chokepoint');
        expect(scopeOf(tokens, 'JPY')).toBe('support.constant.currency.chokepoint');
        expect(scopeOf(tokens, 'high')).toBe('constant.language.priority.chokepoint');
        expect(scopeOf(tokens, 'ore')).toBe('constant.language.stage.chokepoint');
        expect(scopeOf(tokens, '->')).toBe('keyword.operator.arrow.chokepoint');
        expect(scopeOf(tokens, '<=')).toBe('keyword.operator.comparison.chokepoint');
        expect(scopeOf(tokens, 'embargo')).toBe('keyword.other.effect.chokepoint');
        expect(scopeOf(tokens, 'switch')).toBe('keyword.other.action.chokepoint');
        expect(scopeOf(tokens, 'dependency')).toBe('support.function.metric.chokepoint');
        expect(scopeOf(tokens, '"Rare-earth-rich seabed mud"')).toBe('string.quoted.double.chokepoint');
        expect(tokens.filter(([, scope]) => scope.startsWith('comment')).length).toBeGreaterThan(10);
    });

    test('numbers, ranges, percentages and units', () => {
        const tokens = tokenize(grammar, 'x 1_478 1.2e3 30%..35% 1100..1300 t/month 18000 kt/yr 3 months +12%');
        expect(tokens).toEqual([
            ['x', 'variable.other.chokepoint'],
            ['1_478', 'constant.numeric.chokepoint'],
            ['1.2e3', 'constant.numeric.chokepoint'],
            ['30', 'constant.numeric.chokepoint'],
            ['%', 'keyword.other.unit.percent.chokepoint'],
            ['..', 'keyword.operator.range.chokepoint'],
            ['35', 'constant.numeric.chokepoint'],
            ['%', 'keyword.other.unit.percent.chokepoint'],
            ['1100', 'constant.numeric.chokepoint'],
            ['..', 'keyword.operator.range.chokepoint'],
            ['1300', 'constant.numeric.chokepoint'],
            ['t', 'keyword.other.unit.chokepoint'],
            ['/', 'keyword.other.unit.chokepoint'],
            ['month', 'keyword.other.unit.chokepoint'],
            ['18000', 'constant.numeric.chokepoint'],
            ['kt', 'keyword.other.unit.chokepoint'],
            ['/', 'keyword.other.unit.chokepoint'],
            ['yr', 'keyword.other.unit.chokepoint'],
            ['3', 'constant.numeric.chokepoint'],
            ['months', 'keyword.other.unit.chokepoint'],
            ['+12', 'constant.numeric.chokepoint'],
            ['%', 'keyword.other.unit.percent.chokepoint']
        ]);
    });

    test('a `t` that is not after a number is a name, not a unit', () => {
        expect(tokenize(grammar, 'supplier t in China')).toContainEqual(['t', 'entity.name.type.supplier.chokepoint']);
    });

    test('block and doc comments span lines', () => {
        const tokens = tokenize(grammar, "/** Japan's\n industry */ region A");
        expect(tokens[0][1]).toBe('punctuation.definition.comment.chokepoint');
        expect(tokens.find(([p]) => p === 'industry')?.[1]).toBe('comment.block.documentation.chokepoint');
        expect(scopeOf(tokens, 'A')).toBe('entity.name.type.region.chokepoint');
    });

    test('every keyword of the language grammar is highlighted as a keyword or constant', () => {
        const langium = readFileSync('language/src/grammar/chokepoint.langium', 'utf8').replace(/\/\/.*$/gm, '');
        const keywords = [...new Set([...langium.matchAll(/'([a-z]+)'/g)].map(m => m[1]))];
        expect(keywords.length).toBeGreaterThan(60);
        // Units are keywords only after a number; everything else anywhere on a line.
        const units = new Set(['t', 'kt', 'year', 'years', 'day', 'days', 'week', 'weeks', 'month', 'months']);
        const plain: string[] = [];
        for (const keyword of keywords) {
            const line = keyword === 'yr' ? '5 t/yr' : units.has(keyword) ? `5 ${keyword}` : keyword;
            const scope = tokenize(grammar, line).find(([p]) => p === keyword)?.[1] ?? '';
            if (!/^(keyword|storage|constant|support)\./.test(scope)) plain.push(`${keyword}: ${scope}`);
        }
        expect(plain).toEqual([]);
    });
});
