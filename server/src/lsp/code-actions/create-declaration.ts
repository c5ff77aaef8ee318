import type { AstNode } from 'langium';
import { isFlow } from '../../../../language/src/index.js';
import type { Kind } from '../../../../language/src/index.js';
import { joinCode, tokensOf } from '../formatter/tokens.js';

/** Declarations a quick fix creates for an unknown name: valid text, to be filled in. */
export function declarationSkeleton(kind: Kind, name: string, usedIn: AstNode, property: string): string | undefined {
    const flow = isFlow(usedIn) ? usedIn : undefined;
    // From a flow, the new supplier produces (or the new consumer needs) what the flow carries.
    const volumes = (flow?.volumes ?? [])
        .filter(v => v.material?.$refText && v.rate?.$cstNode)
        .map(v => `${v.material.$refText} ${joinCode(tokensOf(v.rate.$cstNode!).filter(t => !t.comment))}`);
    switch (kind) {
        case 'Material':
            return `material ${name}`;
        case 'Region':
            return `region ${name}`;
        case 'Bloc':
            return `bloc ${name} { }`;
        case 'Supplier':
            return block(`supplier ${name} in RestOfWorld`, property === 'source' ? volumes.map(v => `produces ${v}`) : []);
        case 'Plant':
            return block(`plant ${name} in RestOfWorld`, []);
        case 'Consumer':
            return block(`consumer ${name} in RestOfWorld`, property === 'destination' ? volumes.map(v => `needs ${v}`) : []);
        case 'Reserve':
            return block(`reserve ${name} in RestOfWorld`, []);
        case 'Shock':
            return block(`shock ${name}`, []);
        case 'Measure':
            return block(`measure ${name}`, []);
        case 'Scenario':
            return `scenario ${name} { }`;
        case 'Target':
            return block(`target ${name}`, []);
        // A named flow needs a source and a destination only the author knows.
        case 'Flow':
            return undefined;
    }
}

function block(header: string, clauses: string[]): string {
    return `${header} {\n${clauses.map(c => `  ${c}\n`).join('')}}`;
}
