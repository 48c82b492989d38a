/**
 * The AWS SDK's own request and response types, as they travel on the wire to this endpoint.
 *
 * An operation table is typed by the SDK client package of its service
 * (`OperationsOf<typeof import('@aws-sdk/client-glue')>`): an operation named `GetTable` takes what
 * `GetTableCommand` sends and must answer what it reads back, so a handler can neither invent a
 * member nor forget a required one. Types only: nothing here loads an SDK client at run time.
 */
import type { ServiceContext } from './service.ts';

type Constructor = abstract new (...args: never[]) => unknown;

/** `GetTable` for every `GetTableCommand` class the package exports (not `$Command`, the base class it re-exports). */
export type OperationName<Sdk> = {
  [K in keyof Sdk]: K extends `$${string}` ? never : K extends `${infer Name}Command` ? (Sdk[K] extends Constructor ? Name : never) : never;
}[keyof Sdk];

type CommandOf<Sdk, Name extends string> = Sdk[`${Name}Command` & keyof Sdk];

/** A command's input: its constructor takes `(input)`, or `(input?)` when no member is required. */
type SdkInput<Sdk, Name extends string> = CommandOf<Sdk, Name> extends abstract new (...args: infer A) => unknown ? Exclude<A[0], undefined> : never;

type SdkOutput<Sdk, Name extends string> =
  CommandOf<Sdk, Name> extends abstract new (
    ...args: never[]
  ) => infer C
    ? C extends { resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }> }
      ? Omit<O, '$metadata'>
      : never
    : never;

/** The keys a shape declares required: the SDK types them `X | undefined` but never optional. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how a key is told optional.
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * A shape as JSON carries it, after the endpoint checked it against AWS's model: timestamps are
 * epoch seconds, blobs base64 text, and a required member is there.
 */
export type Wire<T> = T extends Date
  ? number
  : T extends Uint8Array
    ? string
    : T extends readonly (infer E)[]
      ? Wire<E>[]
      : T extends object
        ? string extends keyof T
          ? { [key: string]: Wire<T[string & keyof T]> }
          : { [K in RequiredKeys<T>]-?: Wire<Exclude<T[K], undefined>> } & { [K in Exclude<keyof T, RequiredKeys<T>>]?: Wire<Exclude<T[K], undefined>> }
        : T;

/** What operation `Name` receives, checked against AWS's model. */
export type InputOf<Sdk, Name extends string> = Wire<SdkInput<Sdk, Name>>;

/** What operation `Name` answers. */
export type OutputOf<Sdk, Name extends string> = Wire<SdkOutput<Sdk, Name>>;

/** A table of some of a service's operations, each typed by the SDK's command of that name. */
export type OperationsOf<Sdk> = {
  readonly [Name in OperationName<Sdk>]?: (input: InputOf<Sdk, Name>, context: ServiceContext) => Promise<OutputOf<Sdk, Name>> | OutputOf<Sdk, Name>;
};
