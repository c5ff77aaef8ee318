import type { AstNode } from 'langium';

/**
 * What kind of declaration each reference must name. References are typed `[Named:ID]` in the
 * grammar on purpose; this table is the one place that says what each place accepts, used by
 * the kind check ("'ChinaExporters' is a supplier; `serves` needs a consumer") and by the
 * did-you-mean of unknown names (suggest only names of the right kind).
 */

export type Kind = 'Material' | 'Region' | 'Bloc' | 'Supplier' | 'Plant' | 'Consumer' | 'Reserve' | 'Flow' | 'Shock' | 'Measure' | 'Scenario' | 'Target';

const KIND_WORD: Record<Kind, string> = {
    Material: 'material',
    Region: 'region',
    Bloc: 'bloc',
    Supplier: 'supplier',
    Plant: 'plant',
    Consumer: 'consumer',
    Reserve: 'reserve',
    Flow: 'flow',
    Shock: 'shock',
    Measure: 'measure',
    Scenario: 'scenario',
    Target: 'target'
};

/** `supplier`, `plant`, ... for a declaration's `$type`; undefined for anything else. */
export function kindWord(type: string): string | undefined {
    return KIND_WORD[type as Kind];
}

/** "a supplier", "an outage"-style article + word. */
export function withArticle(word: string): string {
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** "a consumer", "a supplier or plant", "a plant, consumer or reserve". */
export function kindsPhrase(kinds: readonly Kind[]): string {
    const words = kinds.map(k => KIND_WORD[k]);
    if (words.length === 1) return withArticle(words[0]);
    return `${withArticle(words[0])}${words.length > 2 ? ', ' + words.slice(1, -1).join(', ') : ''} or ${words[words.length - 1]}`;
}

export interface Expectation {
    kinds: readonly Kind[];
    /** The place in the language, as the user wrote it: "`serves`", "a flow's source". */
    place: string;
}

const MATERIAL: readonly Kind[] = ['Material'];
const PLACE: readonly Kind[] = ['Region', 'Bloc'];
const CONSUMER: readonly Kind[] = ['Consumer'];

/** Expectations by container `$type`, then property. */
const EXPECTATIONS: Record<string, Record<string, Expectation>> = {
    Bloc: { members: { kinds: PLACE, place: '`members`' } },
    Supplier: { region: { kinds: ['Region'], place: '`supplier ... in`' } },
    Plant: { region: { kinds: ['Region'], place: '`plant ... in`' } },
    Consumer: { region: { kinds: ['Region'], place: '`consumer ... in`' } },
    Reserve: { region: { kinds: ['Region'], place: '`reserve ... in`' } },
    Produces: { material: { kinds: MATERIAL, place: '`produces`' } },
    Makes: { material: { kinds: MATERIAL, place: '`makes`' } },
    PlantInput: { material: { kinds: MATERIAL, place: 'a plant input (`from`)' } },
    Needs: { material: { kinds: MATERIAL, place: '`needs`' } },
    Stock: { material: { kinds: MATERIAL, place: '`stock`' } },
    Holds: { material: { kinds: MATERIAL, place: '`holds`' } },
    Serves: { consumers: { kinds: CONSUMER, place: '`serves`' } },
    Flow: {
        source: { kinds: ['Supplier', 'Plant'], place: "a flow's source" },
        destination: { kinds: ['Plant', 'Consumer', 'Reserve'], place: "a flow's destination" }
    },
    FlowVolume: { material: { kinds: MATERIAL, place: 'a flow volume' } },
    Embargo: {
        materials: { kinds: MATERIAL, place: '`embargo ... on`' },
        consumers: { kinds: CONSUMER, place: '`embargo ... to`' }
    },
    Outage: {
        node: { kinds: ['Supplier', 'Plant'], place: '`outage`' },
        materials: { kinds: MATERIAL, place: '`outage ... on`' }
    },
    DemandChange: {
        consumer: { kinds: CONSUMER, place: '`demand`' },
        materials: { kinds: MATERIAL, place: '`demand ... on`' }
    },
    Release: {
        reserve: { kinds: ['Reserve'], place: '`release`' },
        consumers: { kinds: CONSUMER, place: '`release ... to`' }
    },
    Switch: {
        consumer: { kinds: ['Consumer', 'Plant'], place: '`switch`' },
        suppliers: { kinds: ['Supplier'], place: '`switch ... to`' }
    },
    Recycle: {
        consumer: { kinds: CONSUMER, place: '`recycle ... of`' },
        materials: { kinds: MATERIAL, place: '`recycle ... on`' }
    },
    Substitute: {
        consumer: { kinds: CONSUMER, place: '`substitute ... of`' },
        materials: { kinds: MATERIAL, place: '`substitute ... on`' }
    },
    Add: { nodes: { kinds: ['Supplier', 'Plant', 'Flow'], place: '`add`' } },
    Scenario: { members: { kinds: ['Shock', 'Measure'], place: 'a scenario' } },
    ScenarioRef: { scenario: { kinds: ['Scenario'], place: "a target's `in`" } },
    DependencyMetric: {
        origin: { kinds: PLACE, place: '`dependency of ... on`' },
        material: { kinds: MATERIAL, place: '`for`' }
    },
    HhiMetric: { material: { kinds: MATERIAL, place: '`for`' } },
    CoverMetric: { material: { kinds: MATERIAL, place: '`for`' } },
    UnmetMetric: { material: { kinds: MATERIAL, place: '`for`' } },
    FillMetric: { material: { kinds: MATERIAL, place: '`for`' } }
};

/** Metric subjects (`X` in `cover of X`): what each metric form accepts. */
export const SUBJECT_EXPECTATIONS: Record<string, { kinds: readonly Kind[]; anywhere: boolean; form: string }> = {
    DependencyMetric: { kinds: ['Consumer', 'Region', 'Bloc'], anywhere: true, form: 'dependency of' },
    HhiMetric: { kinds: ['Consumer', 'Region', 'Bloc'], anywhere: true, form: 'hhi of' },
    CoverMetric: { kinds: ['Reserve', 'Consumer', 'Region'], anywhere: false, form: 'cover of' },
    UnmetMetric: { kinds: ['Consumer', 'Region', 'Bloc'], anywhere: true, form: 'unmet of' },
    FillMetric: { kinds: ['Consumer', 'Region', 'Bloc'], anywhere: true, form: 'fill of' },
    LossMetric: { kinds: ['Consumer', 'Region', 'Bloc'], anywhere: true, form: 'loss of' }
};

/** Container types that hold references, for registering the kind check. */
export const REFERENCE_CONTAINERS = Object.keys(EXPECTATIONS);

/** The properties of a container type that hold references with an expectation. */
export function referenceProperties(type: string): readonly string[] {
    if (type === 'PlaceSelector') return ['place'];
    return Object.keys(EXPECTATIONS[type] ?? {});
}

/** What the reference `container.property` must name; undefined when anything goes. */
export function expectationFor(container: AstNode, property: string): Expectation | undefined {
    if (container.$type === 'PlaceSelector') {
        const owner = container.$container;
        const verb = owner?.$type === 'Delay' ? 'delay' : 'embargo';
        const side = container.$containerProperty === 'origin' ? 'origin' : 'destination';
        return { kinds: PLACE, place: `the ${side} of \`${verb}\`` };
    }
    if (container.$type === 'Subject') {
        const metric = container.$container;
        const subject = metric && SUBJECT_EXPECTATIONS[metric.$type];
        return subject ? { kinds: subject.kinds, place: `\`${subject.form}\`` } : undefined;
    }
    return EXPECTATIONS[container.$type]?.[property];
}
