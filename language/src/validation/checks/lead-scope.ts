import type { ValidationAcceptor } from 'langium';
import type { Flow, FlowVolume } from '../../generated/ast.js';
import { amountText } from '../../values/quantities.js';
import { Code } from '../codes.js';

/**
 * `lead` belongs to the one volume it follows (metrics-v2 §5). In a flow of several materials
 * written on one line, `{ REE 100 t/month  NdFeB 10 t/month lead 1 month }` reads as if the lead
 * were the whole flow's: warn when a lead shares its line with a volume that has none.
 */
export function checkLeadScope(flow: Flow, accept: ValidationAcceptor): void {
    if (flow.volumes.length < 2) return;
    const line = (v: FlowVolume) => v.$cstNode?.range.start.line;
    const text = flow.$cstNode?.root.fullText ?? '';
    // Commas between the two volumes say where each ends: then nothing is ambiguous.
    const separated = (a: FlowVolume, b: FlowVolume) => {
        const [first, second] = (a.$cstNode?.offset ?? 0) < (b.$cstNode?.offset ?? 0) ? [a, b] : [b, a];
        return text.slice(first.$cstNode?.end ?? 0, second.$cstNode?.offset ?? 0).includes(',');
    };
    for (const volume of flow.volumes) {
        if (!volume.lead) continue;
        const others = flow.volumes.filter(o => o !== volume && !o.lead && line(o) === line(volume) && !separated(o, volume));
        if (others.length === 0) continue;
        const names = [...new Set(others.map(o => o.material?.$refText ?? '?'))].join(', ');
        accept(
            'warning',
            `\`lead ${amountText(volume.lead)}\` applies only to ${volume.material?.$refText ?? 'this material'} in this flow, not to ${names}; give each material its own lead, or put each volume on its own line.`,
            { node: volume, keyword: 'lead', code: Code.LeadScope }
        );
    }
}

/** For hovers: which materials of a flow each written lead applies to. */
export function leadScopeText(flow: Flow): string | undefined {
    if (flow.volumes.length < 2 || !flow.volumes.some(v => v.lead)) return undefined;
    return flow.volumes.map(v => `${v.material?.$refText ?? '?'}: ${v.lead ? `lead ${amountText(v.lead)}` : 'no lead'}`).join(' · ');
}
