/**
 * A model that takes the simulation a second or two (daily steps over three years, many
 * consumers and scenarios), so that the progress indicator can be seen. Plain text, no
 * dependence on the examples.
 */
export function slowModelText(consumers = 60, scenarios = 8): string {
    const lines = ['horizon 2026-01 to 2028-12', 'step day', ''];
    const origins = ['China', 'Vietnam', 'France', 'Malaysia', 'Australia'];
    for (let s = 0; s < origins.length; s++) lines.push(`supplier S${s} in ${origins[s]} { produces REE ${5000 + s * 500} t/month }`);
    for (let c = 0; c < consumers; c++) {
        lines.push(`consumer C${c} in Japan { needs REE ${100 + (c % 7) * 10} t/month  stock REE 20 days }`);
        for (let f = 0; f < 3; f++) lines.push(`flow S${(c + f) % origins.length} -> C${c} { REE ${30 + f * 5} t/month  lead ${1 + f} weeks }`);
    }
    for (let k = 0; k < scenarios; k++) {
        lines.push(
            `shock Cut${k} { embargo ${origins[k % origins.length]} -> Japan cut ${20 + (k % 8) * 10}%  from 2026-0${1 + (k % 9)} for ${2 + k} months }`
        );
        lines.push(`scenario Sc${k} { Cut${k} }`);
    }
    return lines.join('\n') + '\n';
}
