/**
 * Linear-time graph helpers for cycle diagnostics (flows between nodes, blocs in blocs).
 * Iterative, so a 5,000-node chain cannot overflow the stack.
 */

/**
 * One cycle per strongly connected component that has one (Tarjan), each as the list of
 * nodes along it, starting and ending at the component's earliest node in `nodes` order.
 */
export function findCycles<N>(nodes: readonly N[], successors: (node: N) => readonly N[]): N[][] {
    const order = new Map<N, number>();
    nodes.forEach((n, i) => {
        if (!order.has(n)) order.set(n, i);
    });
    const components = stronglyConnected([...order.keys()], successors);
    const cycles: N[][] = [];
    for (const component of components) {
        const members = new Set(component);
        const start = component.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b));
        const selfLoop = successors(start).includes(start);
        if (component.length === 1 && !selfLoop) continue;
        cycles.push(selfLoop ? [start, start] : shortestCycle(start, successors, members));
    }
    return cycles.sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
}

function stronglyConnected<N>(nodes: readonly N[], successors: (node: N) => readonly N[]): N[][] {
    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const onStack = new Set<N>();
    const stack: N[] = [];
    const components: N[][] = [];
    let counter = 0;
    for (const root of nodes) {
        if (index.has(root)) continue;
        // Explicit recursion stack: node and the position in its successor list.
        const work: { node: N; next: number; succ: readonly N[] }[] = [];
        const visit = (n: N) => {
            index.set(n, counter);
            low.set(n, counter);
            counter++;
            stack.push(n);
            onStack.add(n);
            work.push({ node: n, next: 0, succ: successors(n) });
        };
        visit(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.next < frame.succ.length) {
                const s = frame.succ[frame.next++];
                if (!index.has(s)) visit(s);
                else if (onStack.has(s)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(s)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: N[] = [];
                let n: N;
                do {
                    n = stack.pop()!;
                    onStack.delete(n);
                    component.push(n);
                } while (n !== frame.node);
                components.push(component);
            }
        }
    }
    return components;
}

/** Breadth-first from `start` back to itself inside `members`: [start, ..., start]. */
function shortestCycle<N>(start: N, successors: (node: N) => readonly N[], members: Set<N>): N[] {
    const previous = new Map<N, N>();
    const queue: N[] = [start];
    for (let head = 0; head < queue.length; head++) {
        const node = queue[head];
        for (const s of successors(node)) {
            if (!members.has(s)) continue;
            if (s === start) {
                const path = [start];
                for (let n: N | undefined = node; n !== undefined && n !== start; n = previous.get(n)) path.push(n);
                path.push(start);
                return path.reverse();
            }
            if (!previous.has(s)) {
                previous.set(s, node);
                queue.push(s);
            }
        }
    }
    return [start, start];
}
