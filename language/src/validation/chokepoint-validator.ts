import type { AstNode, ValidationChecks } from 'langium';
import { AstUtils, DocumentState, WorkspaceCache } from 'langium';
import type { ChokepointAstType } from '../generated/ast.js';
import type { ChokepointCoreServices } from '../chokepoint-module.js';
import { isStdlibUri } from '../workspace/stdlib.js';
import { computeClosureFacts, type ClosureFacts } from './model-facts.js';
import { checkEmptyFile, checkImportExists, checkUniqueNames } from './checks/names.js';
import { referenceKindChecks } from './checks/kinds.js';
import { checkAmountUnits, checkLossMoney } from './checks/units.js';
import { checkAmountValues, checkDates, checkHorizonOrder, checkLifecycle, checkTimingOrder } from './checks/values.js';
import {
    checkAddPlanned, checkBlocCycle, checkDuplicateClauses, checkHorizonCount, checkMeasureShape, checkPlantMakes,
    checkShockShape, checkStepCount, checkTargetConditions
} from './checks/structure.js';
import {
    checkFlowCycle, checkFlowMaterials, checkFlowOverCapacity, checkPlannedFlowReachable, checkPlantInputsSupplied,
    checkReserveServes, checkStockNeeded
} from './checks/network.js';
import { checkProbabilitySum } from './checks/scenarios.js';
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
        return this.closures.get(document.uri.toString(),
            () => computeClosureFacts(document, this.services.shared.workspace.LangiumDocuments));
    }

    /** Whether any loaded document refers to `node`. */
    isReferenced(node: AstNode): boolean {
        return this.referenced.get('all', () => {
            const targets = new Set<AstNode>();
            for (const document of this.services.shared.workspace.LangiumDocuments.all) {
                if (isStdlibUri(document.uri)) continue;
                for (const reference of document.references) {
                    const target = 'ref' in reference ? reference.ref : undefined;
                    if (target) targets.add(target);
                }
            }
            return targets;
        }).has(node);
    }
}

/** Registers every check. Each check lives in `checks/` as a small named function. */
export function registerValidationChecks(services: ChokepointCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const v = services.validation.ChokepointValidator;
    const checks: ValidationChecks<ChokepointAstType> = {
        Model: [checkUniqueNames(services), checkEmptyFile, checkNoHorizon(v), checkProbabilitySum(v)],
        Import: checkImportExists(services),
        Horizon: [checkHorizonOrder, checkHorizonCount(v), checkDates],
        Step: checkStepCount(v),
        Amount: [checkAmountUnits, checkAmountValues],
        Bloc: checkBlocCycle(v),
        Supplier: [checkDuplicateClauses, checkLifecycle, checkUnusedSupplier(v)],
        Plant: [checkPlantMakes, checkLifecycle, checkPlantInputsSupplied(v)],
        Consumer: [checkDuplicateClauses, checkStockNeeded],
        Reserve: [checkDuplicateClauses, checkReserveServes],
        LossClause: checkLossMoney,
        Online: checkDates,
        Offline: checkDates,
        Flow: [checkFlowMaterials(v), checkFlowOverCapacity(v), checkFlowCycle(v), checkPlannedFlowReachable],
        Shock: [checkShockShape, checkUnusedShock(v), checkOutsideHorizon(v)],
        Measure: [checkMeasureShape, checkUnusedMeasure(v), checkOutsideHorizon(v)],
        Timing: [checkDates, checkTimingOrder],
        Add: checkAddPlanned,
        Target: checkTargetConditions,
        Condition: [checkConditionThreshold, checkDates, checkTargetDate(v)],
        Subject: checkMetricSubject
    };
    registry.register(checks, v);
    registry.register(referenceKindChecks() as ValidationChecks<ChokepointAstType>, v);
}
