/** A spec file as read from disk: its bytes and, when the file was cut short, its full size. */
export interface SpecSource {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Size on disk; larger than `bytes.length` when the reader stopped at the size limit. */
  readonly size?: number;
}

/** A spec may be at most this large: real specs are a few kilobytes, and YAML parsing is not free. */
export const MAX_SPEC_BYTES = 1024 * 1024;
