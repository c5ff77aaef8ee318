/** What the diff's formats show beyond the JSON report: each side's scenario grid and target units. */
import type { ComparedSides, DiffReport } from './diff-models.js';
import type { ModelViews } from './markdown.js';
import { isObject, objectAt, scenariosOf } from './metric-keys.js';
import type { RunJson } from './run-object.js';
import { scenarioGrid } from './scenario-grid.js';

export function modelViews(sides: ComparedSides, report: DiffReport): ModelViews {
    const views: ModelViews = { grids: new Map(), targetUnits: new Map() };
    for (const model of report.models) {
        if (model.status === 'unchanged') continue;
        const baseFile = model.status === 'added' ? undefined : (model.renamedFrom ?? model.file);
        const headFile = model.status === 'removed' ? undefined : model.file;
        const run = (side: ComparedSides['base'], file: string | undefined): RunJson | undefined => {
            const results = file === undefined ? undefined : side.resultsOf(file);
            return results?.status === 'ok' ? results.run : undefined;
        };
        const base = run(sides.base, baseFile),
            head = run(sides.head, headFile);
        views.grids.set(model.file, { base: base && scenarioGrid(base), head: head && scenarioGrid(head) });
        for (const r of [base, head]) {
            for (const scenario of scenariosOf(r)) {
                for (const [name, target] of Object.entries(objectAt(scenario, 'targets'))) {
                    if (isObject(target) && typeof target.unit === 'string') views.targetUnits.set(`${model.file} ${name}`, target.unit);
                }
            }
        }
    }
    return views;
}
