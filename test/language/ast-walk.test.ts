import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { forEachReference, walkAst } from '../../language/src/ast/walk.js';
import { build } from './helpers.js';
import allConstructs from './fixtures/all-constructs.choke';
import imported from './fixtures/w.choke';

describe('walkAst and forEachReference', () => {
    test("visit nodes and references in the order of Langium's streams, and prune like them", async () => {
        const { documents } = await build({ 'all-constructs.choke': allConstructs, 'w.choke': imported });
        const root = documents['all-constructs.choke'].parseResult.value;
        const expected: unknown[] = [],
            actual: unknown[] = [];
        for (const node of AstUtils.streamAst(root)) {
            expected.push(node);
            AstUtils.streamReferences(node).forEach(r => expected.push(r.reference, r.property, r.index));
        }
        walkAst(root, node => {
            actual.push(node);
            forEachReference(node, (reference, property, index) => actual.push(reference, property, index));
        });
        expect(actual.length).toBeGreaterThan(500);
        expect(actual.length).toBe(expected.length);
        expect(actual.findIndex((x, i) => x !== expected[i])).toBe(-1);

        const skip = (node: AstNode) => node.$type === 'Flow' || node.$type === 'Shock';
        const pruned: AstNode[] = [];
        const nodes = AstUtils.streamAst(root).iterator();
        for (const node of nodes) {
            pruned.push(node);
            if (skip(node)) nodes.prune();
        }
        const walked: AstNode[] = [];
        walkAst(root, node => {
            walked.push(node);
            return !skip(node);
        });
        expect(walked.length).toBe(pruned.length);
        expect(walked.findIndex((x, i) => x !== pruned[i])).toBe(-1);
    });
});
