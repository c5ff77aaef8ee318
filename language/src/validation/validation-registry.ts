import type { MaybePromise, ValidationCheck } from 'langium';
import { ValidationRegistry } from 'langium';

/**
 * Langium's registry wraps every check in an async function, so each check on each node
 * costs a promise and a microtask, which on a model of thousands of declarations was a
 * good part of validation's time. Here a check that finishes synchronously (all of ours
 * do) returns nothing; a failing or asynchronous one is still handled by Langium's
 * `handleException` (logged and reported on the node; cancellation passed on).
 */
export class ChokepointValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(
                    () => {
                        throw error;
                    },
                    'An error occurred during validation',
                    accept,
                    node
                );
            }
            if (result instanceof Promise) return this.handleException(() => result, 'An error occurred during validation', accept, node);
            return undefined;
        };
    }
}
