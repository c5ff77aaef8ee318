/** `chokepoint run`: filled in by the engine work (issue 3). */
export async function runCommand(_args: string[], _out: (s: string) => void, err: (s: string) => void): Promise<number> {
    err('run: not implemented yet');
    return 2;
}
