import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Add, Bloc, Consumer, Horizon, Measure, Plant, Reserve, Shock, Step, Supplier, Target } from '../../generated/ast.js';
import { isConsumer, isFlow, isPlant, isReserve, isSupplier } from '../../generated/ast.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';
import { Code } from '../codes.js';
import { code, describe, Describe, listText, refName } from '../describe.js';
import { fileName } from './names.js';

/** `line 3` in the same file, `world.choke:3` in another. */
export function whereText(node: AstNode, from: AstNode): string {
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    const document = AstUtils.getDocument(node);
    return document === AstUtils.getDocument(from) ? `line ${line}` : `${fileName(document.uri.toString())}:${line}`;
}

/** Where the others are: at most three places, then how many more (linear in the count). */
function othersText(all: AstNode[], self: AstNode): string {
    const shown: string[] = [];
    for (const node of all) {
        if (shown.length === 3) break;
        if (node !== self) shown.push(whereText(node, self));
    }
    const more = all.length - 1 - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : listText(shown);
}

/** One horizon across a file and its imports. */
export function checkHorizonCount(v: ChokepointValidator) {
    return (horizon: Horizon, accept: ValidationAcceptor): void => {
        const { horizons } = v.closureFacts(horizon);
        if (horizons.length < 2) return;
        accept('error', `More than one horizon (also at ${othersText(horizons, horizon)}); a model has exactly one: keep one.`, {
            node: horizon,
            keyword: 'horizon',
            code: Code.MultipleHorizons
        });
    };
}

/** At most one step across a file and its imports. */
export function checkStepCount(v: ChokepointValidator) {
    return (step: Step, accept: ValidationAcceptor): void => {
        const { steps } = v.closureFacts(step);
        if (steps.length < 2) return;
        accept('error', `More than one step (also at ${othersText(steps, step)}); a model has at most one: keep one.`, {
            node: step,
            keyword: 'step',
            code: Code.MultipleSteps
        });
    };
}

/** A plant converts its inputs into exactly one output. */
export function checkPlantMakes(plant: Plant, accept: ValidationAcceptor): void {
    const recipes = plant.recipes ?? [];
    if (recipes.length === 0 && plant.name) {
        accept('error', `${Describe(plant)} makes nothing; add one ${code('makes MATERIAL RATE from INPUT COEFFICIENT, ...')}.`, {
            node: plant,
            property: 'name',
            code: Code.PlantMakes
        });
    }
    for (const extra of recipes.slice(1)) {
        accept(
            'error',
            `${Describe(plant)} has more than one \`makes\`; a plant makes exactly one output: declare another plant for ${refName(extra.material)}.`,
            { node: extra, keyword: 'makes', code: Code.PlantMakes }
        );
    }
}

/** A shock has effects and at most one timing. */
export function checkShockShape(shock: Shock, accept: ValidationAcceptor): void {
    checkOneTiming(shock, accept);
    if ((shock.effects ?? []).length === 0 && shock.name) {
        accept('warning', `${Describe(shock)} has no effect; add \`embargo\`, \`outage\`, \`demand\` or \`delay\`.`, {
            node: shock,
            property: 'name',
            code: Code.EmptyShock
        });
    }
}

/** A measure has actions and at most one timing. */
export function checkMeasureShape(measure: Measure, accept: ValidationAcceptor): void {
    checkOneTiming(measure, accept);
    if ((measure.actions ?? []).length === 0 && measure.name) {
        accept('warning', `${Describe(measure)} does nothing; add \`release\`, \`switch\`, \`recycle\`, \`substitute\` or \`add\`.`, {
            node: measure,
            property: 'name',
            code: Code.EmptyMeasure
        });
    }
}

function checkOneTiming(node: Shock | Measure, accept: ValidationAcceptor): void {
    for (const extra of (node.timings ?? []).slice(1)) {
        accept(
            'error',
            `${Describe(node)} has more than one timing; give it one \`from DATE [for DURATION | until DATE]\` ` +
                '(split it into two declarations for two periods).',
            { node: extra, keyword: 'from', code: Code.MultipleTimings }
        );
    }
}

/** A target states exactly one condition. */
export function checkTargetConditions(target: Target, accept: ValidationAcceptor): void {
    const conditions = target.conditions ?? [];
    if (conditions.length === 0 && target.name) {
        accept('error', `${Describe(target)} has no condition; write one such as ${code('unmet of * <= 0 t')}.`, {
            node: target,
            property: 'name',
            code: Code.TargetConditions
        });
    }
    for (const extra of conditions.slice(1)) {
        accept('error', `${Describe(target)} has more than one condition; a target has exactly one: split it into separate targets.`, {
            node: extra,
            code: Code.TargetConditions
        });
    }
}

/** The same clause twice where only one makes sense (two `needs REE`, two `priority`). */
export function checkDuplicateClauses(node: Supplier | Consumer | Reserve, accept: ValidationAcceptor): void {
    const byMaterial = (clauses: { material?: { $refText?: string } }[], keyword: string) => {
        const seen = new Set<string>();
        for (const clause of clauses) {
            const name = clause.material?.$refText;
            if (!name) continue;
            if (seen.has(name)) {
                accept('error', `${Describe(node)} has \`${keyword} ${name}\` more than once; keep one (write the total).`, {
                    node: clause as unknown as AstNode,
                    keyword,
                    code: Code.DuplicateClause
                });
            }
            seen.add(name);
        }
    };
    const single = (clauses: AstNode[], keyword: string) => {
        for (const extra of clauses.slice(1)) {
            accept('error', `${Describe(node)} has more than one \`${keyword}\`; keep one.`, { node: extra, keyword, code: Code.DuplicateClause });
        }
    };
    if (isSupplier(node)) byMaterial(node.capacities ?? [], 'produces');
    if (isConsumer(node)) {
        byMaterial(node.needs ?? [], 'needs');
        byMaterial(node.stocks ?? [], 'stock');
        single(node.priorities ?? [], 'priority');
        single(node.losses ?? [], 'loss');
    }
    if (isReserve(node)) {
        byMaterial(node.holdings ?? [], 'holds');
        single(node.releases ?? [], 'release');
    }
}

/** A bloc cannot contain itself, directly or through other blocs. */
export function checkBlocCycle(v: ChokepointValidator) {
    return (bloc: Bloc, accept: ValidationAcceptor): void => {
        const cycle = v.closureFacts(bloc).blocCycles.get(bloc);
        if (!cycle || !bloc.name) return;
        accept('error', `${Describe(bloc)} contains itself (${cycle}); remove one of these memberships.`, {
            node: bloc,
            property: 'name',
            code: Code.BlocCycle
        });
    };
}

/** `add` brings in what was declared `planned`; anything else already takes part. */
export function checkAddPlanned(add: Add, accept: ValidationAcceptor): void {
    (add.nodes ?? []).forEach((reference, index) => {
        const target = reference?.ref;
        if (!target || !(isSupplier(target) || isPlant(target) || isFlow(target)) || target.planned) return;
        const fix = isFlow(target)
            ? `flow ${target.name ?? 'Name'}: ${refName(target.source)} -> ${refName(target.destination)} planned { ... }`
            : `${describe(target)} in ${refName(target.region)} planned { ... }`;
        accept(
            'error',
            `'${reference.$refText}' is not planned, so it already takes part in every scenario; ` + `declare it ${code(fix)} to \`add\` it only in some.`,
            { node: add, property: 'nodes', index, code: Code.AddNotPlanned }
        );
    });
}
