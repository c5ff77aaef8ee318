import type { Embargo, Flow, Named } from '../../../language/src/index.js';
import { isFlow } from '../../../language/src/index.js';
import { placeContains, ratePerDay, regionOf } from './queries.js';

/**
 * Shares of contracted supply, from the flows as written (baseline volumes, planned flows
 * left out): what a hover on a flow's source or an embargo's origin says about how much of
 * the destination's supply it carries. In tonnes per day, so any rate units mix.
 */

export interface SupplyShare {
    material: string;
    /** Tonnes per day carried by the selected flows. */
    carried: number;
    /** Tonnes per day of all contracted flows into the destination. */
    total: number;
}

/** Per material: what `flow` carries against everything flowing into its destination. */
export function flowShare(flow: Flow, allFlows: Flow[]): SupplyShare[] {
    const destination = flow.destination?.ref;
    if (!destination) return [];
    const into = allFlows.filter(f => !f.planned && f.destination?.ref === destination);
    return shares(into, f => f === flow);
}

/**
 * Per material: what flows from `origin` carry into the embargo's destination (regions,
 * blocs or `*`), against all flows into it; restricted to the embargo's materials and
 * `to` consumers when it names them.
 */
export function embargoShare(embargo: Embargo, allFlows: Flow[]): SupplyShare[] {
    const materials = new Set(embargo.materials.map(m => m.$refText).filter(Boolean));
    const consumers = new Set(embargo.consumers.map(c => c.ref).filter((c): c is Named => c !== undefined));
    const inDestination = (flow: Flow) => {
        const destination = flow.destination?.ref;
        if (consumers.size > 0 && (!destination || !consumers.has(destination))) return false;
        return embargo.destination?.anywhere || placeContains(embargo.destination?.place?.ref, regionOf(destination));
    };
    const fromOrigin = (flow: Flow) => Boolean(embargo.origin?.anywhere) || placeContains(embargo.origin?.place?.ref, regionOf(flow.source?.ref));
    const into = allFlows.filter(f => !f.planned && inDestination(f));
    return shares(into, fromOrigin).filter(s => materials.size === 0 || materials.has(s.material));
}

function shares(flows: Flow[], selected: (flow: Flow) => boolean): SupplyShare[] {
    const byMaterial = new Map<string, SupplyShare>();
    for (const flow of flows) {
        for (const volume of flow.volumes ?? []) {
            const material = volume.material?.$refText;
            const perDay = ratePerDay(volume.rate);
            if (!material || perDay === undefined) continue;
            const share = byMaterial.get(material) ?? { material, carried: 0, total: 0 };
            share.total += perDay;
            if (selected(flow)) share.carried += perDay;
            byMaterial.set(material, share);
        }
    }
    return [...byMaterial.values()];
}

export function flowsOf(declarations: Named[]): Flow[] {
    return declarations.filter(isFlow);
}
