/**
 * Explanations instead of silence (metrics-v2 §5): a shock effect that matches no flow, node
 * or need (`no-match`, a warning on the effect's line) and a measure that changes nothing in a
 * scenario that includes it (`no-effect`, a hint on the effect clause, with the reason). Both
 * come from the lowered model and simulation runs (model-explanations.ts), so they are computed
 * after validation, for a model without errors (`chokepoint check`, the language server).
 */
import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { isMeasure, isShock, isSwitch, type Declaration, type Measure } from '../generated/ast.js';
import { orderedClosure } from '../lowering/closure.js';
import { lowerDocument } from '../lowering/lower.js';
import type { LoweredEffect, LoweredEvent, LoweredModel } from '../lowering/model.js';
import { Code } from '../validation/codes.js';
import { explainModel, type ModelExplanation } from './model-explanations.js';

export interface Explanation {
    node: AstNode;
    severity: 'warning' | 'hint';
    code: string;
    message: string;
}

/** Every explanation of the model rooted at `root` (none without a horizon). */
export function explainDocument(root: LangiumDocument, documents: LangiumDocuments): Explanation[] {
    const lowered = lowerDocument(root, documents);
    if (lowered.status !== 'ok') return [];
    return explanationsOf(lowered.model, explainModel(lowered.model), root, documents);
}

/**
 * The clauses and messages of explanations computed from `model`, which must be the lowering
 * of `root`'s current closure (the same AST).
 */
export function explanationsOf(model: LoweredModel, found: ModelExplanation[], root: LangiumDocument, documents: LangiumDocuments): Explanation[] {
    const { declarations } = orderedClosure(root, documents);
    const result: Explanation[] = [];
    for (const e of found) {
        const event = model.events[e.event];
        const effect = event?.effects[e.effect];
        const declaration = event && declarationOf(declarations, event);
        if (!effect || !declaration) continue;
        if (e.kind === 'no-match') {
            const node = isShock(declaration) ? declaration.effects[e.effect] : undefined;
            if (!node) continue;
            const text = clauseText(node, effect);
            result.push({
                node,
                severity: 'warning',
                code: Code.NoMatch,
                message: `\`${text}\` in shock ${declaration.name} matches ${e.what}: it changes nothing.`
            });
        } else {
            const node = isMeasure(declaration) ? actionNode(declaration, effect, e.effect) : undefined;
            const scenario = model.scenarios[e.scenario];
            if (!node || !scenario) continue;
            const text = isSwitch(node) ? `switch ${node.consumer.$refText} to ${node.suppliers.map(r => r.$refText).join(', ')}` : clauseText(node, effect);
            const verb = effect.kind === 'switch' || effect.kind === 'release' ? 'adds 0 t' : 'changes nothing';
            result.push({ node, severity: 'hint', code: Code.NoEffect, message: `${text} ${verb} in ${scenario.name}: ${e.reason}` });
        }
    }
    return result;
}

function declarationOf(declarations: Declaration[], event: LoweredEvent): Declaration | undefined {
    return declarations.find(d => (isShock(d) || isMeasure(d)) && d.name === event.name);
}

function clauseText(node: AstNode, effect: LoweredEffect): string {
    return (node.$cstNode?.text ?? effect.kind).replace(/\s+/g, ' ');
}

/** The AST action of the i-th lowered effect (lowering skips a `release` or `switch` it cannot resolve). */
function actionNode(measure: Measure, effect: LoweredEffect, i: number): AstNode | undefined {
    const action = measure.actions[i];
    return action && action.$type.toLowerCase() === effect.kind ? action : measure.actions.find(a => a.$type.toLowerCase() === effect.kind);
}
