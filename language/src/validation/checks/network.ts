import type { AstNode, Reference, ValidationAcceptor } from 'langium';
import type { Amount, Consumer, Flow, FlowVolume, Plant, Reserve } from '../../generated/ast.js';
import { isConsumer, isPlant, isReserve, isSupplier } from '../../generated/ast.js';
import { amountRange, amountText, formatNumber, tonnesPerDay, unitKind } from '../../values/quantities.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';
import { Code } from '../codes.js';
import { code, describe, Describe, flowLabel, formatAmount, listText, refName } from '../describe.js';

/** The name a material reference resolves to (names are global, so names compare safely). */
function materialName(reference: Reference | undefined): string | undefined {
    const target = reference?.ref as { name?: string } | undefined;
    return target?.name;
}

/**
 * The distinct names of materials, or undefined when any of them is unresolved or still being
 * typed: then what the list is missing is unknown, and checks built on it stay silent.
 */
function names(references: (Reference | undefined)[]): string[] | undefined {
    const result = new Set<string>();
    for (const reference of references) {
        const name = materialName(reference);
        if (name === undefined) return undefined;
        result.add(name);
    }
    return [...result];
}

/** What a source can ship: a supplier's `produces`, a plant's `makes`. */
function outputsOf(source: AstNode): string[] | undefined {
    if (isSupplier(source)) return names((source.capacities ?? []).map(c => c.material));
    if (isPlant(source)) return names((source.recipes ?? []).map(r => r.material));
    return undefined;
}

/** What a destination takes: a consumer's needs, a plant's inputs, a reserve's holdings. */
function intakeOf(destination: AstNode): { materials: string[]; verb: string; listed: string } | undefined {
    const intake = (materials: string[] | undefined, verb: string, listed: string) => materials && { materials, verb, listed };
    if (isConsumer(destination)) return intake(names((destination.needs ?? []).map(n => n.material)), 'need', 'it needs');
    if (isPlant(destination)) {
        const inputs = (destination.recipes ?? []).flatMap(r => (r.inputs ?? []).map(i => i.material));
        return intake(names(inputs), 'use', 'its inputs are');
    }
    if (isReserve(destination)) return intake(names((destination.holdings ?? []).map(h => h.material)), 'hold', 'it holds');
    return undefined;
}

/**
 * A flow ships what its source produces (error otherwise) and what its destination needs,
 * uses or holds (warning otherwise: the shipments would only pile up).
 */
export function checkFlowMaterials(v: ChokepointValidator) {
    return (flow: Flow, accept: ValidationAcceptor): void => {
        const source = flow.source?.ref;
        const destination = flow.destination?.ref;
        const outputs = source && v.memo('outputs', source, () => outputsOf(source));
        const intake = destination && v.memo('intake', destination, () => intakeOf(destination));
        for (const volume of flow.volumes ?? []) {
            const material = materialName(volume.material);
            if (!material) continue;
            if (source && outputs && !outputs.includes(material)) {
                const has = outputs.length > 0 ? ` (it ${isPlant(source) ? 'makes' : 'produces'} ${listText(outputs)})` : '';
                const fix = isPlant(source) ? `ship what ${refName(flow.source)} makes` : `add ${code(`produces ${material} RATE`)} to ${refName(flow.source)}`;
                accept(
                    'error',
                    `Flow ${flowLabel(flow)} ships ${material} but ${describe(source)} does not ${isPlant(source) ? 'make' : 'produce'} it${has}; ${fix}.`,
                    { node: volume, property: 'material', code: Code.FlowMaterialNotProduced }
                );
            }
            if (destination && intake && !intake.materials.includes(material)) {
                const has = intake.materials.length > 0 ? ` (${intake.listed} ${listText(intake.materials)})` : '';
                accept(
                    'warning',
                    `Flow ${flowLabel(flow)} ships ${material} but ${describe(destination)} does not ${intake.verb} it${has}; ` +
                        'the shipments would only pile up: ship something it takes, or declare that it takes this.',
                    { node: volume, property: 'material', code: Code.FlowMaterialUnused }
                );
            }
        }
    };
}

/** A source's capacity per material, as written (`produces REE 18000 t/yr`); the first clause wins. */
function capacitiesOf(source: AstNode | undefined): Map<string, Amount> {
    const capacities = new Map<string, Amount>();
    const clauses = isSupplier(source) ? (source.capacities ?? []) : isPlant(source) ? (source.recipes ?? []) : [];
    for (const clause of clauses) {
        const material = materialName(clause.material);
        if (material && clause.rate && !capacities.has(material)) capacities.set(material, clause.rate);
    }
    return capacities;
}

/** A single flow that asks for more than its source can ever produce (ranges by their midpoints). */
export function checkFlowOverCapacity(v: ChokepointValidator) {
    return (flow: Flow, accept: ValidationAcceptor): void => {
        const source = flow.source?.ref;
        if (!source) return;
        const capacities = v.memo('capacities', source, () => capacitiesOf(source));
        for (const volume of flow.volumes ?? []) {
            const material = materialName(volume.material);
            const capacity = material ? capacities.get(material) : undefined;
            const shipped = ratePerDay(volume.rate);
            const available = ratePerDay(capacity);
            if (shipped === undefined || available === undefined || shipped <= available * (1 + 1e-9)) continue;
            const unit = volume.rate.unit!;
            const inFlowUnit = available / tonnesPerDay(1, unit);
            const asWritten = capacity!.unit === unit && capacity!.high === undefined ? '' : ` (${formatAmount(capacity!)})`;
            accept(
                'warning',
                `Flow ${flowLabel(flow)} ships ${formatNumber(shipped / tonnesPerDay(1, unit))} ${unit} of ${material}` +
                    `${volume.rate.high !== undefined ? ` (midpoint of ${formatAmount(volume.rate)})` : ''} but ${refName(flow.source)} ` +
                    `${isPlant(source) ? 'makes' : 'produces'} only ${formatNumber(inFlowUnit)} ${unit}${asWritten}; lower the volume or raise the capacity.`,
                { node: volume, property: 'rate', code: Code.FlowOverCapacity }
            );
        }
    };
}

function ratePerDay(amount: Amount | undefined): number | undefined {
    const range = amountRange(amount);
    if (!range || !amount?.unit || unitKind(amount.unit) !== 'rate' || amount.percent || range.low < 0 || range.high < range.low) return undefined;
    return tonnesPerDay(range.mid, amount.unit);
}

/** Material cannot flow in a circle. */
export function checkFlowCycle(v: ChokepointValidator) {
    return (flow: Flow, accept: ValidationAcceptor): void => {
        const cycle = v.closureFacts(flow).flowCycles.get(flow);
        if (!cycle) return;
        accept('error', `Flows form a cycle: ${cycle}; material cannot flow in a circle: remove one of these flows.`, {
            node: flow,
            property: 'source',
            code: Code.FlowCycle
        });
    };
}

/** An unnamed planned flow between nodes that are not planned can never be added. */
export function checkPlannedFlowReachable(flow: Flow, accept: ValidationAcceptor): void {
    if (!flow.planned || flow.name) return;
    const source = flow.source?.ref as { planned?: boolean } | undefined;
    const destination = flow.destination?.ref as { planned?: boolean } | undefined;
    if (!source || !destination || source.planned || destination.planned) return;
    accept(
        'warning',
        `Flow ${flowLabel(flow)} is planned, but neither end is planned and the flow has no name, so no scenario can add it; ` +
            `name it (${code(`flow Name: ${flowLabel(flow)} planned { ... }`)}) and \`add Name\` in a measure.`,
        { node: flow, keyword: 'planned', code: Code.PlannedFlowUnreachable }
    );
}

/** Every input of a plant arrives by some flow; otherwise the plant can never produce. */
export function checkPlantInputsSupplied(v: ChokepointValidator) {
    return (plant: Plant, accept: ValidationAcceptor): void => {
        const incoming = v.closureFacts(plant).flowsByDestination.get(plant) ?? [];
        const shipped = names(incoming.flatMap(f => (f.volumes ?? []).map((vol: FlowVolume) => vol.material)));
        if (!shipped) return;
        const supplied = new Set(shipped);
        for (const recipe of plant.recipes ?? []) {
            for (const input of recipe.inputs ?? []) {
                const material = materialName(input.material);
                if (!material || supplied.has(material)) continue;
                const per = input.coefficient?.low !== undefined ? ` (${input.coefficient.low} t per t of ${refName(recipe.material)})` : '';
                accept(
                    'warning',
                    `${Describe(plant)} needs ${material}${per} but no flow brings ${material} to it, so it cannot produce; ` +
                        `add a flow such as ${code(`flow SUPPLIER -> ${plant.name} { ${material} RATE }`)}.`,
                    { node: input, property: 'material', code: Code.PlantInputUnsupplied }
                );
            }
        }
    };
}

/** A reserve releases only to the consumers it serves; days of need need a need. */
export function checkReserveServes(reserve: Reserve, accept: ValidationAcceptor): void {
    const served = (reserve.serves ?? []).flatMap(s => s.consumers ?? []);
    if (served.length === 0 && reserve.name) {
        accept('warning', `${Describe(reserve)} serves no consumer, so it never releases anything; add ${code('serves CONSUMER, ...')}.`, {
            node: reserve,
            property: 'name',
            code: Code.ReserveServesNobody
        });
    }
    const consumers = served.map(s => s?.ref).filter(isConsumer);
    if (served.length === 0 || consumers.length < served.length) return; // unresolved: the linker speaks
    const needs = names(consumers.flatMap(c => (c.needs ?? []).map(n => n.material)));
    if (!needs) return;
    const needed = new Set(needs);
    for (const holding of reserve.holdings ?? []) {
        const material = materialName(holding.material);
        if (!material || needed.has(material) || unitKind(holding.amount?.unit) !== 'duration') continue;
        accept(
            'warning',
            `${Describe(reserve)} holds ${material} in days of need, but none of the consumers it serves needs ${material}, ` +
                `so ${code(amountText(holding.amount))} is 0 t; give the holding in tonnes or serve a consumer that needs ${material}.`,
            { node: holding, property: 'amount', code: Code.StockWithoutNeed }
        );
    }
}

/** A consumer's own stock of a material it does not need is never drawn. */
export function checkStockNeeded(consumer: Consumer, accept: ValidationAcceptor): void {
    const needs = names((consumer.needs ?? []).map(n => n.material));
    if (!needs) return;
    const needed = new Set(needs);
    for (const stock of consumer.stocks ?? []) {
        const material = materialName(stock.material);
        if (!material || needed.has(material)) continue;
        accept(
            'warning',
            `${Describe(consumer)} keeps a stock of ${material} but does not need ${material}, so the stock is never used; ` +
                `add ${code(`needs ${material} RATE`)} or remove the stock.`,
            { node: stock, property: 'material', code: Code.StockWithoutNeed }
        );
    }
}
