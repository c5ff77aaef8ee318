/**
 * A model's `run --json` as an object in memory, written by the same code that prints
 * `run --json` and read back, so that a comparison sees exactly what two `run --json` give
 * (every key others add to it included).
 */
import { writeResultsJson, type TextOut } from '../cli/run-json.js';
import type { LoweredModel } from '../lowering/model.js';

import type { RunJson } from './metric-keys.js';
export type { RunJson };

export function runJsonObject(model: LoweredModel): RunJson {
    const parts: string[] = [];
    const decoder = new TextDecoder();
    const out: TextOut = Object.assign(
        (text: string) => {
            parts.push(text, '\n');
        },
        {
            bytes: (chunk: Uint8Array) => {
                parts.push(decoder.decode(chunk, { stream: true }));
            }
        }
    );
    writeResultsJson(model, {}, out);
    parts.push(decoder.decode());
    return JSON.parse(parts.join('')) as RunJson;
}
