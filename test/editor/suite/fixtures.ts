import { JAPAN_FIXTURE, SPEC_FIXTURE, type EditorFixture } from './fixture.js';

const FIXTURES: Record<string, EditorFixture> = { japan: JAPAN_FIXTURE, spec: SPEC_FIXTURE };

/** Every fixture, in the order the editor tests run them. */
export const FIXTURE_NAMES = Object.keys(FIXTURES);

/** The fixture by name (CHOKEPOINT_EDITOR_FIXTURE); without one, the Japan example. */
export function fixtureNamed(name: string | undefined): EditorFixture {
    const fixture = FIXTURES[name ?? 'japan'];
    if (!fixture) throw new Error(`no editor fixture named ${name}; known: ${FIXTURE_NAMES.join(', ')}`);
    return fixture;
}
