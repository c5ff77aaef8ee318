import type { AstNode, ValidationChecks } from 'langium';
import { AstUtils, DocumentState, WorkspaceCache } from 'langium';
import type { ChokepointAstType } from '../generated/ast.js';
import type { ChokepointCoreServices } from '../chokepoint-module.js';
import { isStdlibUri } from '../loading/stdlib.js';
import { computeClosureFacts, type ClosureFacts } from './model-facts.js';
import { checkEmptyFile, checkImportExists, checkUniqueNames } from './checks/names.js';
import { referenceKindChecks } from './checks/kinds.js';
import { checkAmountUnits, checkLossMoney } from './checks/units.js';
import { checkCostMoney } from './checks/costs.js';
import { checkAmountLimits, checkAmountValues, checkDates, checkHorizonLength, checkHorizonOrder, checkLifecycle, checkTimingOrder } from './checks/values.js';
import {
    checkAddPlanned,
    checkBlocCycle,
    checkDuplicateClauses,
    checkHorizonCount,
    checkMeasureShape,
    checkPlantMakes,
    checkShockShape,
    checkStepCount,
    checkTargetConditions
} from './checks/structure.js';
import {
    checkFlowCycle,
    checkFlowMaterials,
    checkFlowOverCapacity,
    checkPlannedFlowReachable,
    checkPlantInputsSupplied,
    checkReserveServes,
    checkStockNeeded
} from './checks/network.js';
import { checkLeadScope } from './checks/lead-scope.js';
import { checkProbabilitySum } from './checks/scenarios.js';
import { checkFileSize, checkModelSize } from './checks/size.js';
import { checkConditionThreshold, checkMetricSubject } from './checks/targets.js';
import { checkNoHorizon, checkOutsideHorizon, checkTargetDate } from './checks/time.js';
import { checkUnusedMeasure, checkUnusedShock, checkUnusedSupplier } from './checks/usage.js';

/**
 * Holds what the checks share: the per-build facts about each document's closure and the
 * workspace's set of referenced declarations. Both are computed at most once per build
 * (the caches are cleared when a build has indexed its references), which keeps
 * validation linear in the size of the model.
 */
export class ChokepointValidator {
    private readonly closures: WorkspaceCache<string, ClosureFacts>;
    private readonly referenced: WorkspaceCache<string, Set<AstNode>>;
    private readonly memos: WorkspaceCache<string, Map<AstNode, unknown>>;

    constructor(readonly services: ChokepointCoreServices) {
        this.closures = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
        this.referenced = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
        this.memos = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
    }

    /**
     * A fact about one node computed once per build (what a supplier produces, what a
     * consumer needs), so that checks run per flow do not rescan their endpoints.
     */
    memo<T>(kind: string, node: AstNode, compute: () => T): T {
        const map = this.memos.get(kind, () => new Map());
        if (!map.has(node)) map.set(node, compute());
        return map.get(node) as T;
    }

    /** Facts about the closure of the document that holds `node`. */
    closureFacts(node: AstNode): ClosureFacts {
        const document = AstUtils.getDocument(node);
        return this.closures.get(document.uri.toString(), () => computeClosureFacts(document, this.services.shared.workspace.LangiumDocuments));
    }

    /** Whether any loaded document refers to `node`. */
    isReferenced(node: AstNode): boolean {
        return this.referenced
            .get('all', () => {
                const targets = new Set<AstNode>();
                for (const document of this.services.shared.workspace.LangiumDocuments.all) {
                    if (isStdlibUri(document.uri)) continue;
                    for (const reference of document.references) {
                        const target = 'ref' in reference ? reference.ref : undefined;
                        if (target) targets.add(target);
                    }
                }
                return targets;
            })
            .has(node);
    }
}

/**
 * The category of checks that only ever warn or hint, when they are registered apart (see
 * `registerValidationChecks`): `chokepoint run` prints diagnostics only for a model with
 * errors, so it runs these only then.
 */
export const ADVICE = 'advice';

export interface CheckOptions {
    /** Register the checks that only warn or hint under ADVICE rather than with the others. */
    adviceApart?: boolean;
}

/** Registers every check. Each check lives in `checks/` as a small named function. */
export function registerValidationChecks(services: ChokepointCoreServices, options: CheckOptions = {}): void {
    const registry = services.validation.ValidationRegistry;
    const v = services.validation.ChokepointValidator;
    // Checks that can only warn or hint.
    const noHorizon = checkNoHorizon(v),
        unusedSupplier = checkUnusedSupplier(v),
        inputsSupplied = checkPlantInputsSupplied(v);
    const overCapacity = checkFlowOverCapacity(v),
        unusedShock = checkUnusedShock(v),
        unusedMeasure = checkUnusedMeasure(v);
    const outsideHorizon = checkOutsideHorizon(v),
        targetDate = checkTargetDate(v);
    const advice = new Set<unknown>([
        checkEmptyFile,
        noHorizon,
        unusedSupplier,
        inputsSupplied,
        checkStockNeeded,
        checkReserveServes,
        overCapacity,
        checkPlannedFlowReachable,
        unusedShock,
        unusedMeasure,
        outsideHorizon,
        targetDate,
        checkLeadScope
    ]);
    const checks: ValidationChecks<ChokepointAstType> = {
        Model: [checkFileSize, checkUniqueNames(services), checkEmptyFile, noHorizon, checkProbabilitySum(v)],
        Import: checkImportExists(services),
        Horizon: [checkHorizonOrder, checkHorizonLength(v), checkModelSize(v), checkHorizonCount(v), checkDates],
        Step: checkStepCount(v),
        Amount: [checkAmountUnits, checkAmountLimits, checkAmountValues],
        Bloc: checkBlocCycle(v),
        Supplier: [checkDuplicateClauses, checkLifecycle, unusedSupplier],
        Plant: [checkPlantMakes, checkLifecycle, inputsSupplied],
        Consumer: [checkDuplicateClauses, checkStockNeeded],
        Reserve: [checkDuplicateClauses, checkReserveServes],
        LossClause: checkLossMoney,
        CostClause: checkCostMoney,
        Online: checkDates,
        Offline: checkDates,
        Flow: [checkFlowMaterials(v), overCapacity, checkFlowCycle(v), checkPlannedFlowReachable, checkLeadScope],
        Shock: [checkShockShape, unusedShock, outsideHorizon],
        Measure: [checkMeasureShape, unusedMeasure, outsideHorizon],
        Timing: [checkDates, checkTimingOrder],
        Add: checkAddPlanned,
        Target: checkTargetConditions,
        Condition: [checkConditionThreshold, checkDates, targetDate],
        Subject: checkMetricSubject
    };
    if (options.adviceApart) {
        registry.register(
            selectChecks(checks, check => !advice.has(check)),
            v
        );
        registry.register(
            selectChecks(checks, check => advice.has(check)),
            v,
            ADVICE
        );
    } else {
        registry.register(checks, v);
    }
    registry.register(referenceKindChecks(), v);
}

/** The checks of each node type that `keep` keeps. */
function selectChecks(checks: ValidationChecks<ChokepointAstType>, keep: (check: unknown) => boolean): ValidationChecks<ChokepointAstType> {
    const selected: Record<string, unknown[]> = {};
    for (const [type, list] of Object.entries(checks)) {
        const kept = (Array.isArray(list) ? list : [list]).filter(keep);
        if (kept.length > 0) selected[type] = kept;
    }
    return selected;
}
