/**
 * Loading one model file for the decision commands (`rank`, `optimize`): diagnostics and the
 * unknown-scenario error exactly as `run` prints them, then the lowered model.
 */
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { scenarioNames } from '../evaluation/simulation.js';
import { prepareDocument } from '../evaluation/evaluate.js';
import type { LoweredModel } from '../lowering/model.js';
import { loadModel } from '../loading/load.js';
import { collectDiagnostics, formatPlain, summary } from './diagnostics.js';

/** The lowered model, or the exit code after the errors were printed (1 model errors, 2 usage). */
export async function loadLoweredModel(file: string, err: (s: string) => void, scenario?: string): Promise<LoweredModel | number> {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true, adviceApart: true });
    const loaded = await loadModel(services, [file], { adviceOnlyWithErrors: true });
    const root = loaded.roots[0];
    const diagnostics = collectDiagnostics(loaded.documents, loaded.problems);
    if (!root || diagnostics.some(d => d.severity === 'error')) {
        for (const d of diagnostics) err(formatPlain(d));
        err(summary(diagnostics, loaded.documents.length));
        err('Fix the errors above to simulate.');
        return loaded.missingPaths.length > 0 ? 2 : 1;
    }
    const prepared = prepareDocument(root, services.shared.workspace.LangiumDocuments);
    if (prepared.status === 'errors') {
        err(`${prepared.errorCount} error(s) in the model; run \`chokepoint check ${file}\` to see them.`);
        return 1;
    }
    if (prepared.status === 'no-horizon') {
        err(prepared.message);
        return 1;
    }
    const known = scenarioNames(prepared.model);
    if (scenario !== undefined && !known.includes(scenario)) {
        err(`Unknown scenario '${scenario}'. Known scenarios: ${known.join(', ')}.`);
        return 2;
    }
    return prepared.model;
}
