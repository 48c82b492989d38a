/**
 * QuickSight's operations typed by the SDK's own commands (sdk-types.ts): a handler takes what its
 * `…Command` sends and answers what the SDK reads back. Types only.
 */
import type * as QuickSight from '@aws-sdk/client-quicksight';
import type { InputOf, OperationName, OperationsOf, OutputOf } from '../sdk-types.ts';

type Sdk = typeof QuickSight;

export type QuickSightOperation = OperationName<Sdk>;

/** A table of QuickSight operations (`… satisfies QuickSightOperations`). */
export type QuickSightOperations = OperationsOf<Sdk>;

/** What operation `Name` receives, checked against QuickSight's model. */
export type Input<Name extends QuickSightOperation> = InputOf<Sdk, Name>;

/**
 * What operation `Name` answers, but `RequestId`, which the protocol writes; a `Status` member is
 * the HTTP status (writeRestJson). A handler declares it as its return type, so that a member the
 * SDK does not read back is an error too, not only a member of the wrong type.
 */
export type Answer<Name extends QuickSightOperation> = Omit<OutputOf<Sdk, Name>, 'RequestId'>;
