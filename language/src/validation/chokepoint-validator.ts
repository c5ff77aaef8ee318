import type { ValidationChecks } from 'langium';
import type { ChokepointAstType } from '../generated/ast.js';
import type { ChokepointCoreServices } from '../chokepoint-module.js';
import { checkImportExists, checkUniqueNames } from './checks/names.js';

/** Holds per-language state the checks need; the checks themselves are small functions. */
export class ChokepointValidator {
    constructor(readonly services: ChokepointCoreServices) { }
}

/** Registers every check. Each check lives in `checks/` as a small named function. */
export function registerValidationChecks(services: ChokepointCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const checks: ValidationChecks<ChokepointAstType> = {
        Import: checkImportExists(services),
        Model: checkUniqueNames(services)
    };
    registry.register(checks, services.validation.ChokepointValidator);
}
