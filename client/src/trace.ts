/**
 * The language server's message trace, switched by `chokepoint.trace.server` alone.
 * vscode-languageclient traces only into a log channel whose level is Trace (and the user
 * would have to find *Developer: Set Log Level*): this channel reports the level Trace
 * exactly while the setting is `messages` or `verbose`, and writes what the client traces
 * into the *Chokepoint Trace* output.
 */
import * as vscode from 'vscode';

export function createTraceChannel(): vscode.LogOutputChannel {
    const inner = vscode.window.createOutputChannel('Chokepoint Trace', { log: true });
    const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
    const level = () =>
        vscode.workspace.getConfiguration('chokepoint').get<string>('trace.server', 'off') === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
    const subscription = vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration('chokepoint.trace.server')) levelChanged.fire(level());
    });
    return {
        name: inner.name,
        get logLevel() {
            return level();
        },
        onDidChangeLogLevel: levelChanged.event,
        // What the client traces arrives at `trace`: written at a level the channel always shows.
        trace: (message: string, ...args: unknown[]) => inner.info(message, ...args),
        debug: (message: string, ...args: unknown[]) => inner.debug(message, ...args),
        info: (message: string, ...args: unknown[]) => inner.info(message, ...args),
        warn: (message: string, ...args: unknown[]) => inner.warn(message, ...args),
        error: (error: string | Error, ...args: unknown[]) => inner.error(error, ...args),
        append: value => inner.append(value),
        appendLine: value => inner.appendLine(value),
        replace: value => inner.replace(value),
        clear: () => inner.clear(),
        show: (columnOrPreserve?: vscode.ViewColumn | boolean, preserveFocus?: boolean) =>
            typeof columnOrPreserve === 'boolean' || columnOrPreserve === undefined
                ? inner.show(columnOrPreserve)
                : inner.show(columnOrPreserve, preserveFocus),
        hide: () => inner.hide(),
        dispose: () => {
            subscription.dispose();
            levelChanged.dispose();
            inner.dispose();
        }
    };
}
