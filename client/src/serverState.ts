/** The language server as the status bar shows it; `missing` when out/server.js is not installed. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'missing';
