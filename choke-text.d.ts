// `.choke` files imported from TypeScript are bundled as text (esbuild's text loader,
// and the matching plugin in vitest.config.ts).
declare module '*.choke' {
    const text: string;
    export default text;
}
