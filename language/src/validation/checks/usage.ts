import type { ValidationAcceptor } from 'langium';
import type { Measure, Shock, Supplier } from '../../generated/ast.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';
import { Code } from '../codes.js';
import { Describe } from '../describe.js';

/** Hints for declarations nothing refers to: they cannot affect any result. */
export function checkUnusedShock(v: ChokepointValidator) {
    return (shock: Shock, accept: ValidationAcceptor): void => {
        if (!shock.name || v.isReferenced(shock)) return;
        accept('hint', `${Describe(shock)} is in no scenario, so it never happens; add it to a scenario.`, {
            node: shock,
            property: 'name',
            code: Code.UnusedShock
        });
    };
}

export function checkUnusedMeasure(v: ChokepointValidator) {
    return (measure: Measure, accept: ValidationAcceptor): void => {
        if (!measure.name || v.isReferenced(measure)) return;
        accept('hint', `${Describe(measure)} is in no scenario, so it is never applied; add it to a scenario.`, {
            node: measure,
            property: 'name',
            code: Code.UnusedMeasure
        });
    };
}

export function checkUnusedSupplier(v: ChokepointValidator) {
    return (supplier: Supplier, accept: ValidationAcceptor): void => {
        if (!supplier.name || v.isReferenced(supplier)) return;
        accept('hint', `${Describe(supplier)} ships nothing: no flow, \`switch\` or measure names it; add a flow from it.`, {
            node: supplier,
            property: 'name',
            code: Code.UnusedSupplier
        });
    };
}
