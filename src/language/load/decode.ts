import { isUtf8 } from 'node:buffer';
import type { Finding } from '../finding.ts';
import { MAX_SPEC_BYTES, type SpecSource } from './source.ts';

/** The text of a spec file, or the reason it is not a text file we can parse. */
export function decodeSpec(source: SpecSource): { text: string } | { finding: Finding } {
  const { file, bytes } = source;
  const size = Math.max(source.size ?? 0, bytes.length);
  const refuse = (message: string, offset = 0): { finding: Finding } => {
    const { line, col } = positionOfByte(bytes, offset);
    return { finding: { file, line, col, message, rule: 'yaml', severity: 'error' } };
  };
  if (size > MAX_SPEC_BYTES) {
    return refuse(`file is ${megabytes(size)}; a spec may be at most ${megabytes(MAX_SPEC_BYTES)} (is this really a spec?)`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return refuse('binary file (it contains NUL bytes): expected a YAML spec', nul);
  if (!isUtf8(bytes)) return refuse('file is not valid UTF-8 text: expected a YAML spec', firstInvalidUtf8(bytes));
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (text.trim() === '') return refuse('empty file: expected a spec starting with apiVersion, kind, id and name');
  return { text };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (!isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return 0;
}

/** 1-based line and column of a byte offset (columns counted in bytes; good enough for a bad byte). */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}
