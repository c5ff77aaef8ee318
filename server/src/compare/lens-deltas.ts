/**
 * The change against a revision in lenses and hovers (review.md §2): the lens title functions
 * are given the revision's results (`Versus`) and write each changed figure's delta right
 * after it, `unmet 0 t (−70.1 vs HEAD)`; this module only turns a comparison into a `Versus`
 * and words the hover's line.
 */
import type { SimulationResult } from '../../../language/src/index.js';
import { consumerTitle, reserveTitle, scenarioTitle, targetTitle } from '../lsp/lens-titles.js';
import { hasVersus, type Versus } from '../lsp/versus.js';
import type { Comparison } from './compare-service.js';

/** The revision's results, read as the current ones are (`run --json` has the results' shape). */
export function versusOf(comparison: Comparison): Versus {
    return { revision: comparison.revision, base: comparison.base as unknown as SimulationResult };
}

/** A hover's line on the change against the revision, for a consumer, reserve, scenario or target: its lens title with the deltas. */
export function hoverDelta(comparison: Comparison, declaration: { $type: string; name?: string }, current: SimulationResult): string | undefined {
    const titles: Record<string, (result: SimulationResult, name: string, versus: Versus) => string | undefined> = {
        Consumer: consumerTitle,
        Reserve: reserveTitle,
        Scenario: scenarioTitle,
        Target: targetTitle
    };
    const title = declaration.name ? titles[declaration.$type]?.(current, declaration.name, versusOf(comparison)) : undefined;
    if (!title || !hasVersus(versusOf(comparison), title)) return undefined;
    return `**Compared with ${comparison.revision}** (\`${comparison.commit.slice(0, 7)}\`): ${title}`;
}
