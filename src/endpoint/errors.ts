import type { Violation } from '../awsmodel/index.ts';

/**
 * An error the endpoint answers with, as AWS would: the error type (the model's error shape name or
 * code), the message, the HTTP status and any extra members of the error shape.
 */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly fields: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = type;
  }
}

/** The error types the endpoint raises itself, per service, for faults and validation. */
export interface ServiceErrorTypes {
  /** A request that breaks the service model's shapes. */
  readonly invalidInput: string;
  /** How the service words those violations (default: `describeViolations`, validation.ts). */
  readonly describeInvalidInput?: (violations: readonly Violation[]) => string;
  /** Injected throttling. */
  readonly throttling: { readonly type: string; readonly status: number };
  /** Injected server errors. */
  readonly internal: string;
}
