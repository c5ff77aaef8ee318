import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import type { Consumer, Model, Named, Reserve } from '../../../language/src/index.js';
import { isBloc, isConsumer, isPlant, isReserve, isSupplier } from '../../../language/src/index.js';
import { amountValue, tonnesPerDay, unitKind } from '../../../language/src/index.js';
import type { StepUnit } from '../../../language/src/index.js';
import { closureDocuments } from '../simulation/closure.js';

/**
 * Plain facts about a model as written, shared by hovers, inlay hints, completion and quick
 * fixes. Everything tolerates half-typed text: a missing value gives undefined, never a throw.
 */

export function modelOf(document: LangiumDocument): Model {
    return document.parseResult.value as Model;
}

/** Every declaration the document sees (itself, its imports, the standard library). */
export function visibleDeclarations(document: LangiumDocument, documents: LangiumDocuments): Named[] {
    return closureDocuments(document, documents).flatMap(d => (modelOf(d).declarations ?? []) as Named[]);
}

/** The step of the first `step` in the closure (month by default). */
export function stepOf(document: LangiumDocument, documents: LangiumDocuments): StepUnit {
    for (const d of closureDocuments(document, documents)) {
        const unit = modelOf(d).steps?.[0]?.unit;
        if (unit === 'month' || unit === 'week' || unit === 'day') return unit;
    }
    return 'month';
}

/** Tonnes per day a consumer needs of a material (all its `needs` of it), or undefined. */
export function dailyNeed(consumer: Consumer, materialName: string): number | undefined {
    let total: number | undefined;
    for (const needs of consumer.needs ?? []) {
        if (needs.material?.$refText !== materialName) continue;
        const perDay = ratePerDay(needs.rate);
        if (perDay === undefined) continue;
        total = (total ?? 0) + perDay;
    }
    return total;
}

/** Tonnes per day the consumers a reserve serves need of a material. */
export function servedDailyNeed(reserve: Reserve, materialName: string): number | undefined {
    let total: number | undefined;
    for (const serves of reserve.serves ?? []) {
        for (const ref of serves.consumers ?? []) {
            const consumer = ref.ref;
            if (!isConsumer(consumer)) continue;
            const need = dailyNeed(consumer, materialName);
            if (need !== undefined) total = (total ?? 0) + need;
        }
    }
    return total;
}

/** A rate amount (`18000 t/yr`) in tonnes per day, or undefined when it is not a rate. */
export function ratePerDay(amount: Parameters<typeof amountValue>[0]): number | undefined {
    const value = amountValue(amount);
    if (value === undefined || !amount?.unit || unitKind(amount.unit) !== 'rate') return undefined;
    return tonnesPerDay(value, amount.unit);
}

/** The region a supplier, plant, consumer or reserve is in. */
export function regionOf(node: AstNode | undefined): Named | undefined {
    if (isSupplier(node) || isPlant(node) || isConsumer(node) || isReserve(node)) return node.region?.ref;
    return undefined;
}

/** True when `region` is `place` or lies in it (blocs contain regions and blocs, cycles tolerated). */
export function placeContains(place: Named | undefined, region: Named | undefined, seen = new Set<AstNode>()): boolean {
    if (!place || !region) return false;
    if (place === region) return true;
    if (!isBloc(place) || seen.has(place)) return false;
    seen.add(place);
    return place.members.some(m => placeContains(m.ref, region, seen));
}
