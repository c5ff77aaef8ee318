/**
 * The server package's entry: what the VS Code client uses of it, the protocol between the two
 * (custom requests and notifications, command ids, settings). The client imports from here only
 * (a dependency-cruiser rule enforces it, tests excepted); the server itself starts from main.ts.
 */
export * from './protocol.js';
