/**
 * What every lowering step shares: the clock, and the index of each declaration by kind.
 * References are resolved through `ref`; anything unresolved or of the wrong kind becomes
 * "nothing" (-1 or an empty set), because validation has already said what is wrong.
 */
import type { AstNode, Reference } from 'langium';
import {
    isBloc,
    isConsumer,
    isFlow,
    isMaterial,
    isPlant,
    isRegion,
    isReserve,
    isScenario,
    isSupplier,
    type Bloc,
    type Consumer,
    type Declaration,
    type Flow,
    type Material,
    type Named,
    type Plant,
    type Region,
    type Reserve,
    type Supplier
} from '../generated/ast.js';
import type { PeriodClock } from './calendar.js';
import type { Calendar } from './model.js';

export type Producer = Supplier | Plant;

export class LoweringContext {
    readonly materials: Material[] = [];
    readonly regions: Region[] = [];
    readonly blocs: Bloc[] = [];
    readonly producers: Producer[] = [];
    readonly consumers: Consumer[] = [];
    readonly reserves: Reserve[] = [];
    readonly flows: Flow[] = [];
    private readonly index = new Map<AstNode, number>();

    constructor(
        readonly clock: PeriodClock,
        readonly calendar: Calendar,
        readonly declarations: Declaration[]
    ) {
        for (const d of declarations) {
            if (isMaterial(d)) this.add(this.materials, d);
            else if (isRegion(d)) this.add(this.regions, d);
            else if (isBloc(d)) this.add(this.blocs, d);
            else if (isSupplier(d) || isPlant(d)) this.add(this.producers, d);
            else if (isConsumer(d)) this.add(this.consumers, d);
            else if (isReserve(d)) this.add(this.reserves, d);
            else if (isFlow(d)) this.add(this.flows, d);
        }
    }

    private add<T extends AstNode>(list: T[], node: T): void {
        this.index.set(node, list.length);
        list.push(node);
    }

    /** Index of a lowered declaration within its kind's list, or -1. */
    indexOf(node: AstNode | undefined): number {
        return node ? (this.index.get(node) ?? -1) : -1;
    }

    target(ref: Reference<Named> | undefined): Named | undefined {
        try {
            return ref?.ref;
        } catch {
            return undefined;
        }
    }

    material(ref: Reference<Named> | undefined): number {
        const node = this.target(ref);
        return isMaterial(node) ? this.indexOf(node) : -1;
    }

    region(ref: Reference<Named> | undefined): number {
        const node = this.target(ref);
        return isRegion(node) ? this.indexOf(node) : -1;
    }

    consumer(ref: Reference<Named> | undefined): number {
        const node = this.target(ref);
        return isConsumer(node) ? this.indexOf(node) : -1;
    }

    reserve(ref: Reference<Named> | undefined): number {
        const node = this.target(ref);
        return isReserve(node) ? this.indexOf(node) : -1;
    }

    producer(ref: Reference<Named> | undefined): number {
        const node = this.target(ref);
        return isSupplier(node) || isPlant(node) ? this.indexOf(node) : -1;
    }

    flow(ref: Reference<Named> | undefined): number {
        const node = this.target(ref);
        return isFlow(node) ? this.indexOf(node) : -1;
    }

    isScenario(ref: Reference<Named> | undefined): boolean {
        return isScenario(this.target(ref));
    }

    /**
     * The regions a place reference stands for: a region itself, a bloc's members (blocs
     * inside blocs too), or a node's own region. Empty when unresolved.
     */
    placeRegions(ref: Reference<Named> | undefined): number[] {
        return this.regionsOf(this.target(ref));
    }

    regionsOf(node: Named | undefined): number[] {
        const result = new Set<number>();
        const seen = new Set<AstNode>();
        const visit = (n: Named | undefined) => {
            if (!n || seen.has(n)) return;
            seen.add(n);
            if (isRegion(n)) {
                const i = this.indexOf(n);
                if (i >= 0) result.add(i);
            } else if (isBloc(n)) {
                for (const member of n.members) visit(this.target(member));
            } else if (isSupplier(n) || isPlant(n) || isConsumer(n) || isReserve(n)) {
                visit(this.target(n.region));
            }
        };
        visit(node);
        return [...result].sort((a, b) => a - b);
    }
}
