import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { ExecuteCommandHandler } from 'langium/lsp';
import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import { LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver';
import type { Named } from '../../../language/src/index.js';
import { displayNumber, tonnesText } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import { Commands } from '../protocol.js';
import { visibleDeclarations } from '../model/queries.js';
import { metricsText } from './hover-content.js';

/**
 * What lenses do, for any LSP client (`workspace/executeCommand`): the VS Code client runs its
 * own richer commands (`chokepoint.*`: detail view, chart); a generic client (Neovim, Emacs,
 * Helix...) gets lenses whose commands the server runs itself. Each answers markdown (the
 * result of the request) and shows its first line as a message.
 */
export const ServerCommands = {
    /** [uri, entityName]: the entity's metrics per scenario, as the hover shows them. */
    showDetails: 'chokepoint.server.showDetails',
    /** [uri, scenarioName]: the scenario's metrics and targets. */
    runScenario: 'chokepoint.server.runScenario',
    /** [uri]: the chart's data as a table: unmet tonnes per period, one column per run. */
    showChartData: 'chokepoint.server.showChartData'
} as const;

const FOR_LENS: Record<string, string> = {
    [Commands.showDetails]: ServerCommands.showDetails,
    [Commands.runScenario]: ServerCommands.runScenario,
    [Commands.showChart]: ServerCommands.showChartData
};

export class ChokepointCommandHandler implements ExecuteCommandHandler {
    readonly commands: string[] = Object.values(ServerCommands);
    /**
     * True for a client that implements the `chokepoint.*` lens commands itself (ours says so
     * with `initializationOptions.lensCommands: "client"`); in-process (no connection), too.
     */
    clientRunsLensCommands: boolean;

    constructor(private readonly shared: ChokepointSharedServices) {
        this.clientRunsLensCommands = !shared.lsp.Connection;
        shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as { lensCommands?: string } | undefined;
            this.clientRunsLensCommands = options?.lensCommands === 'client';
        });
    }

    /** Lenses with the commands this client can run. */
    forClient(lenses: CodeLens[]): CodeLens[] {
        if (this.clientRunsLensCommands) return lenses;
        return lenses.map(lens =>
            lens.command && FOR_LENS[lens.command.command] ? { ...lens, command: { ...lens.command, command: FOR_LENS[lens.command.command] } } : lens
        );
    }

    async executeCommand(name: string, args: unknown[], token?: CancellationToken): Promise<string> {
        const [uriText, subject] = args as [unknown, unknown];
        if (typeof uriText !== 'string') throw new ResponseError(LSPErrorCodes.RequestFailed, `${name} needs the model's URI as its first argument.`);
        const uri = URI.parse(uriText);
        const simulation = this.shared.simulation.Service;
        await this.shared.workspace.WorkspaceManager.ready;
        await simulation.waitForCurrent(uri, token);
        const document = this.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) throw new ResponseError(LSPErrorCodes.RequestFailed, `${uriText} is not loaded.`);
        const view = simulation.view(document);
        const result = view.result;
        let markdown: string;
        if (!result) {
            markdown = view.status === 'errors' ? `No numbers: ${view.errorCount} error(s) block the simulation.` : (view.message ?? 'No numbers yet.');
        } else if (name === ServerCommands.showChartData) {
            markdown = chartTable(
                result.periodStarts,
                result.scenarios.map(s => ({ name: s.name, consumers: Object.values(s.consumers) }))
            );
        } else {
            const node = typeof subject === 'string' ? this.find(document, subject) : undefined;
            if (!node) throw new ResponseError(LSPErrorCodes.RequestFailed, `No declaration named '${String(subject)}' in this model.`);
            markdown = `**${String(subject)}**${view.stale ? ' (outdated)' : ''}\n\n${metricsText(node, result, view.effects) ?? 'No numbers for it.'}`;
        }
        // A notification (not showMessageRequest): nothing to wait for, whatever the client.
        const message =
            markdown
                .split('\n')
                .find(l => l.trim().length > 0)
                ?.replace(/\*\*/g, '') ?? markdown;
        void this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
        return markdown;
    }

    private find(document: LangiumDocument, name: string): Named | undefined {
        return visibleDeclarations(document, this.shared.workspace.LangiumDocuments).find(d => d.name === name);
    }
}

/** Period × run: total unmet tonnes over every consumer and material. */
function chartTable(
    periods: string[],
    runs: Array<{ name: string; consumers: Array<{ materials: Record<string, { series: { unmet: ArrayLike<number> } }> }> }>
): string {
    const lines = [`| period | ${runs.map(r => r.name).join(' | ')} |`, `|---|${runs.map(() => '---:').join('|')}|`];
    periods.forEach((period, k) => {
        const cells = runs.map(run =>
            run.consumers.reduce((sum, c) => sum + Object.values(c.materials).reduce((s, m) => s + (m.series?.unmet?.[k] ?? 0), 0), 0)
        );
        lines.push(`| ${period} | ${cells.map(t => tonnesText(t)).join(' | ')} |`);
    });
    return `Unmet need per period (${displayNumber(runs.length, 0)} runs):\n\n${lines.join('\n')}`;
}
