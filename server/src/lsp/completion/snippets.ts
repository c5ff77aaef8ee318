/**
 * Snippets offered next to the keyword that starts each declaration, and for each metric
 * form inside a target. Placeholders name what belongs there; choices list the keywords.
 */

export const DECLARATION_SNIPPETS: Record<string, { label: string; body: string }> = {
    import: { label: 'import "file"', body: 'import "${1:./world.choke}"' },
    horizon: { label: 'horizon … to …', body: 'horizon ${1:2026-01} to ${2:2028-12}\nstep ${3|month,week,day|}' },
    material: { label: 'material …', body: 'material ${1:Name} "${2:label}" { stage ${3|oxide,ore,concentrate,metal,alloy,magnet,component|} }' },
    region: { label: 'region …', body: 'region ${1:Name}' },
    bloc: { label: 'bloc … { members … }', body: 'bloc ${1:Name} { members ${2:Japan}, ${3:Australia} }' },
    supplier: { label: 'supplier … in … { produces … }', body: 'supplier ${1:Name} in ${2:China} {\n  produces ${3:REE} ${4:1000} t/${5|month,yr|}\n}' },
    plant: {
        label: 'plant … in … { makes … from … }',
        body: 'plant ${1:Name} in ${2:Japan} {\n  makes ${3:NdFeB} ${4:3400} t/yr from ${5:NdPrMetal} ${6:0.30}\n}'
    },
    consumer: {
        label: 'consumer … in … { needs … }',
        body: 'consumer ${1:Name} in ${2:Japan} {\n  needs ${3:REE} ${4:100} t/month\n  stock ${3:REE} ${5:30} days\n  priority ${6|normal,critical,high,low|}\n  loss ${7:195} million ${8:JPY} per t\n}'
    },
    reserve: {
        label: 'reserve … in … { holds … serves … }',
        body: 'reserve ${1:Name} in ${2:Japan} {\n  holds ${3:REE} ${4:60} days\n  serves ${5:Consumer}\n  release ${6:500} t/month\n}'
    },
    flow: { label: 'flow … -> … { … }', body: 'flow ${1:Source} -> ${2:Destination} { ${3:REE} ${4:100} t/month lead ${5:1} month }' },
    shock: {
        label: 'shock … { embargo … from … }',
        body: 'shock ${1:Name} {\n  embargo ${2:China} -> ${3:Japan} on ${4:REE}\n  from ${5:2026-02} for ${6:3} months\n}'
    },
    measure: { label: 'measure … { … }', body: 'measure ${1:Name} {\n  ${2:release ${3:Reserve}}\n}' },
    scenario: { label: 'scenario … probability … { … }', body: 'scenario ${1:Name} probability ${2:25}% { ${3:Shock} }' },
    target: { label: 'target … { … }', body: 'target ${1:Name} {\n  dependency of ${2:Consumer} on ${3:China} <= ${4:30}% by ${5:2028-01}\n}' }
};

/** Metric forms by the grammar rule of their first keyword. */
export const METRIC_SNIPPETS: Record<string, { label: string; body: string }> = {
    DependencyMetric: { label: 'dependency of … on … <= …%', body: 'dependency of ${1:Consumer} on ${2:China} ${3|<=,<,>=,>|} ${4:30}%' },
    HhiMetric: { label: 'hhi of … <= …', body: 'hhi of ${1:Consumer} ${2|<=,<,>=,>|} ${3:2500}' },
    CoverMetric: { label: 'cover of … >= … days', body: 'cover of ${1:Reserve} ${2|>=,>,<=,<|} ${3:90} days' },
    UnmetMetric: { label: 'unmet of … <= … t', body: 'unmet of ${1:*} ${2|<=,<,>=,>|} ${3:0} t' },
    FillMetric: { label: 'fill of … >= …%', body: 'fill of ${1:*} ${2|>=,>,<=,<|} ${3:95}%' },
    LossMetric: { label: 'loss of … <= … money', body: 'loss of ${1:*} ${2|<=,<,>=,>|} ${3:100} ${4|million,billion,thousand,trillion|} ${5:JPY}' }
};

/** Common ISO 4217 codes, offered after a money amount with the model's own currencies first. */
export const COMMON_CURRENCIES = ['JPY', 'USD', 'EUR', 'CNY', 'GBP', 'AUD', 'KRW', 'CAD', 'INR'];
