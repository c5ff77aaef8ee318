/**
 * Test helpers: parse models from text (in memory, with the standard library), lower and
 * simulate them, and check the invariants every run must keep.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { loadModel } from '../../language/src/loading/load.js';
import { expect } from 'vitest';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import type { SimulationResult, ScenarioResult } from '../../language/src/engine/results.js';
import { simulate } from '../../language/src/engine/simulate.js';
import { lowerDocument } from '../../language/src/lowering/lower.js';
import type { LoweredModel } from '../../language/src/lowering/model.js';
import { stdlibDocument } from '../../language/src/loading/stdlib.js';

export interface Built {
    root: LangiumDocument;
    documents: ReturnType<typeof createChokepointCoreServices>['shared']['workspace']['LangiumDocuments'];
}

/** Builds `files` (name -> text) in memory; the first file is the root. */
export async function build(files: Record<string, string>, validation = true): Promise<Built> {
    const services = createChokepointCoreServices(EmptyFileSystem);
    const shared = services.shared;
    const docs: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///model/${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs.push(doc);
    }
    await shared.workspace.DocumentBuilder.build([stdlibDocument(shared), ...docs], { validation });
    return { root: docs[0], documents: shared.workspace.LangiumDocuments };
}

/** Loads a model file from disk with its imports, as the CLI does, and lowers it. */
export async function lowerFile(file: string): Promise<LoweredModel> {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true });
    const loaded = await loadModel(services, [file]);
    const lowered = lowerDocument(loaded.roots[0], services.shared.workspace.LangiumDocuments);
    if (lowered.status !== 'ok') throw new Error(`${file} does not lower`);
    return lowered.model;
}

/** Lowers a model given as text; fails the test on syntax or linking errors. */
export async function lower(text: string, imports: Record<string, string> = {}): Promise<LoweredModel> {
    const built = await build({ 'main.choke': text, ...imports }, false);
    for (const doc of built.documents.all) {
        const { lexerErrors, parserErrors } = doc.parseResult;
        expect(
            [...lexerErrors, ...parserErrors].map(e => e.message),
            `syntax errors in ${doc.uri.toString()}`
        ).toEqual([]);
        for (const ref of doc.references) expect(ref.error?.message, `unresolved reference in ${doc.uri.toString()}`).toBeUndefined();
    }
    const lowered = lowerDocument(built.root, built.documents);
    if (lowered.status !== 'ok') throw new Error('no horizon');
    return lowered.model;
}

/** Simulates a model given as text and checks the invariants of every scenario. */
export async function run(text: string, options: { scenario?: string; imports?: Record<string, string> } = {}): Promise<SimulationResult> {
    const model = await lower(text, options.imports);
    const result = simulate(model, { scenario: options.scenario });
    checkInvariants(result);
    return result;
}

export function scenario(result: SimulationResult, name: string): ScenarioResult {
    const found = result.scenarios.find(s => s.name === name);
    if (!found) throw new Error(`no scenario ${name}`);
    return found;
}

/** Totals are rounded to 1e-6 t and series to 1e-3 t, so balances hold to these. */
const TOLERANCE = 1e-5;
const SERIES_TOLERANCE = 5e-3;

/**
 * Conservation per consumer, material and period; arrivals = delivered + refill + excess;
 * mass through plants and reserves; nothing negative; no NaN or infinity anywhere.
 */
export function checkInvariants(result: SimulationResult): void {
    // Share series (metrics-v2 §1) hold null for periods without arrivals; everything else never does.
    const isShareSeries = (v: unknown) => typeof v === 'object' && v !== null && 'embeddedDependency' in v && 'coverDays' in v;
    const json = JSON.stringify(result, (key, v: unknown) => ((key === 'series' && isShareSeries(v)) || key === 'starvedBy' ? undefined : v));
    expect(json).not.toMatch(/NaN|Infinity|null,null/);
    for (const s of result.scenarios) {
        for (const owner of [...Object.values(s.consumers), ...Object.values(s.regions)]) {
            const { dependency, embeddedDependency, hhi } = owner.series;
            for (const shares of [...Object.values(dependency), ...Object.values(embeddedDependency)]) {
                expect(shares.every(v => Number.isNaN(v) || (v >= 0 && v <= 1 + 1e-9))).toBe(true);
            }
            expect(hhi.every(v => Number.isNaN(v) || (v >= 0 && v <= 10_000 + 1e-6))).toBe(true);
        }
    }
    walkNumbers(result, (value, path) => {
        if (Number.isNaN(value) && mayHaveNoValue(path)) return;
        expect(Number.isFinite(value), path).toBe(true);
    });
    for (const s of result.scenarios) {
        for (const [consumer, c] of Object.entries(s.consumers)) {
            for (const [material, m] of Object.entries(c.materials)) {
                const where = `${s.name}/${consumer}/${material}`;
                const x = m.series;
                for (let t = 0; t < result.horizon.periods; t++) {
                    const parts = [x.recycled[t], x.delivered[t], x.drawn[t], x.released[t], x.unmet[t]];
                    for (const v of [...parts, x.need[t], x.arrivals[t], x.refill[t], x.excess[t], x.stock[t]]) {
                        expect(v, `${where} period ${t} negative`).toBeGreaterThanOrEqual(0);
                    }
                    expect(Math.abs(x.need[t] - parts.reduce((a, b) => a + b, 0)), `${where} need balance at ${t}`).toBeLessThan(SERIES_TOLERANCE);
                    expect(Math.abs(x.arrivals[t] - x.delivered[t] - x.refill[t] - x.excess[t]), `${where} arrivals at ${t}`).toBeLessThan(SERIES_TOLERANCE);
                }
                expect(Math.abs(m.need - m.recycled - m.delivered - m.drawn - m.released - m.unmet), where).toBeLessThan(TOLERANCE);
                expect(Math.abs(m.arrivals - m.delivered - m.refill - m.excess), where).toBeLessThan(TOLERANCE);
            }
        }
        for (const [reserve, r] of Object.entries(s.reserves)) {
            for (const [material, m] of Object.entries(r.materials)) {
                // Stock balance: initial + bought - released = final.
                expect(Math.abs(m.initial + m.purchased - m.released - m.final), `${s.name}/${reserve}/${material}`).toBeLessThan(TOLERANCE);
                for (const v of m.stock) expect(v).toBeGreaterThanOrEqual(0);
            }
        }
        for (const [plant, p] of Object.entries(s.plants)) {
            for (const [material, input] of Object.entries(p.inputs)) {
                // Buffer balance: received - used = left (buffers start empty).
                expect(Math.abs(input.received - input.used - input.buffer), `${s.name}/${plant}/${material}`).toBeLessThan(TOLERANCE);
            }
        }
    }
}

/**
 * Whether a number at `path` in a result may be NaN: the share series of consumers and regions
 * mark a period without arrivals so (engine/results.ts `Series`; null in `run --json`). Any
 * other NaN is a fault.
 */
export function mayHaveNoValue(path: string): boolean {
    return /\.(consumers|regions)\.[^.]+\.series\.(hhi|coverDays|dependency|embeddedDependency)\b/.test(path);
}

function walkNumbers(value: unknown, visit: (n: number, path: string) => void, path = ''): void {
    if (typeof value === 'number') visit(value, path);
    else if (Array.isArray(value)) value.forEach((v, i) => walkNumbers(v, visit, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkNumbers(v, visit, `${path}.${k}`);
}

/** The result of one consumer's material in one scenario. */
export function material(result: SimulationResult, scenarioName: string, consumer: string, materialName = 'REE') {
    const found = scenario(result, scenarioName).consumers[consumer]?.materials[materialName];
    if (!found) throw new Error(`no ${consumer}/${materialName} in ${scenarioName}`);
    return found;
}

/** A month in model days. */
export const MONTH = 365 / 12;

/**
 * A series as the contract writes it in `run --json`: the engine's typed series (NaN where a
 * period has no value) as plain numbers with null, or each series of a record of them, so an
 * expectation reads like the JSON it stands for.
 */
export function values(series: ArrayLike<number>): (number | null)[];
export function values(series: Record<string, ArrayLike<number>>): Record<string, (number | null)[]>;
export function values(series: ArrayLike<number> | Record<string, ArrayLike<number>>): unknown {
    if (isSeries(series)) return Array.from(series, v => (Number.isNaN(v) ? null : v));
    return Object.fromEntries(Object.entries(series).map(([key, s]) => [key, values(s)]));
}

function isSeries(value: ArrayLike<number> | Record<string, ArrayLike<number>>): value is ArrayLike<number> {
    return value instanceof Float64Array || Array.isArray(value);
}
