/**
 * Per plant (metrics-v2 §2): what it made against what it could make, the constraint that
 * bound (an input, `capacity` or `orders`), the periods an input starved it, and the share
 * of its output traced to each origin.
 */
import type { LoweredModel } from '../lowering/model.js';
import { EPSILON } from './constants.js';
import { r6, sharesByName } from './metrics.js';
import type { ModelIndex } from './model-index.js';
import type { PlantResult } from './results.js';
import type { RunState } from './run-state.js';

export function plantResults(model: LoweredModel, ws: RunState, index: ModelIndex): Record<string, PlantResult> {
    const { producers, outlets, buffers, materialNames } = model;
    const result: Record<string, PlantResult> = {};
    producers.names.forEach((plantName, p) => {
        if (!producers.isPlant[p]) return;
        const outputs: PlantResult['outputs'] = {};
        for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) {
            outputs[materialNames[outlets.material[o]]] = { produced: r6(ws.shippedTotal[o]) };
        }
        const inputs: PlantResult['inputs'] = {};
        for (const b of index.producerBuffers[p]) {
            inputs[materialNames[buffers.material[b]]] = { received: r6(ws.receivedTotal[b]), used: r6(ws.usedTotal[b]), buffer: r6(ws.buffer[b]) };
        }
        result[plantName] = { outputs, inputs, ...plantPerformance(model, ws, p) };
    });
    return result;
}

type Performance = Omit<PlantResult, 'outputs' | 'inputs'>;

function plantPerformance(model: LoweredModel, ws: RunState, p: number): Performance {
    const { producers, buffers, materialNames, originRegions } = model;
    const T = ws.periods;
    const { originSets } = ws;
    const produced = new Float64Array(T);
    const capacity = new Float64Array(T);
    const starvedBy: (string | null)[] = new Array<string | null>(T).fill(null);
    const lostTo = new Map<number, number>();
    // Tonnes traced to each region, dense; `tracedOrder` keeps the order regions were first
    // met in, the order their sum is taken in (sharesByName), so the shares keep their bits.
    const size = originSets.size[p];
    const regionOf = new Int32Array(size);
    for (let j = 0; j < size; j++) regionOf[j] = originRegions[originSets.plantOrigins[originSets.start[p] + j]];
    const tracedTonnes = new Float64Array(model.regionNames.length);
    const tracedOrder: number[] = [];
    const met = new Uint8Array(model.regionNames.length);
    const { outletMixSnap } = ws;
    const mixLength = originSets.outletMixLength;
    let capacityBound = 0,
        ordersBound = 0,
        starved = 0;
    for (let t = 0; t < T; t++) {
        let periodStarved = false,
            periodCapacity = true;
        for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) {
            const at = o * T + t;
            const made = ws.sOutletProduced[at],
                cap = ws.sOutletCapacity[at],
                ordered = ws.sOutletOrdered[at];
            produced[t] += made;
            capacity[t] += cap;
            const b = ws.sOutletStarvedBy[at];
            if (b >= 0) {
                periodStarved = true;
                lostTo.set(b, (lostTo.get(b) ?? 0) + Math.min(cap, ordered) - made);
                starvedBy[t] ??= materialNames[buffers.material[b]];
            }
            if (made < cap - EPSILON) periodCapacity = false;
            if (!(made > 0)) continue;
            const from = t * mixLength + originSets.outletOffset[o];
            for (let j = 0; j < size; j++) {
                const share = outletMixSnap[from + j];
                if (share <= 0) continue;
                const region = regionOf[j];
                if (!met[region]) {
                    met[region] = 1;
                    tracedOrder.push(region);
                }
                tracedTonnes[region] += made * share;
            }
        }
        if (periodStarved) starved++;
        else if (periodCapacity) capacityBound++;
        else ordersBound++;
    }
    const traced = new Map<number, number>();
    for (const region of tracedOrder) traced.set(region, tracedTonnes[region]);
    let binding = capacityBound >= ordersBound ? 'capacity' : 'orders';
    let most = 0;
    for (const [b, lost] of lostTo) {
        if (lost > most) {
            most = lost;
            binding = materialNames[buffers.material[b]];
        }
    }
    let totalProduced = 0,
        totalCapacity = 0;
    for (let t = 0; t < T; t++) {
        totalProduced += produced[t];
        totalCapacity += capacity[t];
    }
    return {
        produced: r6(totalProduced),
        capacity: r6(totalCapacity),
        utilisation: totalCapacity > 0 ? r6(totalProduced / totalCapacity) : null,
        binding,
        periodsStarved: starved,
        embeddedDependency: sharesByName(model, traced),
        series: { produced, capacity, starvedBy }
    };
}
