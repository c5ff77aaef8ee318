import type { LangiumDocument } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { forEachReference, walkAst } from '../ast/walk.js';

/** Nodes linked between two checks for cancellation (each check yields if 10 ms have passed). */
const NODES_BETWEEN_INTERRUPTS = 100;

/**
 * Langium's linker with a cheaper loop: the same references resolved in the same order, but
 * found without a stream per node, and without awaiting a cancellation check at every node.
 */
export class ChokepointLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes: LangiumDocument['parseResult']['value'][] = [];
        walkAst(document.parseResult.value, node => {
            nodes.push(node);
        });
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 0) await interruptAndCheck(cancelToken);
            const container = nodes[i];
            forEachReference(container, (reference, property, index) => this.doLink({ reference, container, property, index }, document));
        }
    }
}
