/** The default place specs live. On its own so that declaring a command's defaults loads nothing else. */
export const DEFAULT_SPEC_PATHS = ['dashboards'];
