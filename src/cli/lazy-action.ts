/** What a command's action module (src/cli/actions/<name>.ts) exports: the action, given what commander passes it. */
export interface ActionModule<Args extends unknown[]> {
  run(...args: Args): Promise<void>;
}

/**
 * A command's action whose module is loaded only when the command runs. Declaring the commands (to
 * parse the command line, or print --help) then loads nothing but commander: the actions pull in
 * the AWS SDK, DuckDB, the SQL parser and the spec language.
 */
export function lazyAction<Args extends unknown[]>(load: () => Promise<ActionModule<Args>>): (...args: Args) => Promise<void> {
  return async (...args) => (await load()).run(...args);
}
