import { SPEC_FIXTURE, type EditorFixture } from './fixture.js';

const FIXTURES: Record<string, EditorFixture> = { spec: SPEC_FIXTURE };

/** The fixture by name (CHOKEPOINT_EDITOR_FIXTURE); the default is the one the suite is kept green on. */
export function fixtureNamed(name: string | undefined): EditorFixture {
    const fixture = FIXTURES[name ?? DEFAULT_FIXTURE];
    if (!fixture) throw new Error(`no editor fixture named ${name}; known: ${Object.keys(FIXTURES).join(', ')}`);
    return fixture;
}

export const DEFAULT_FIXTURE = 'spec';
