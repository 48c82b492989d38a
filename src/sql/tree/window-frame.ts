import type { WindowFrame } from './ast.ts';

/** A window frame as SQL text (Trino and DuckDB write frames alike), its offsets written by `expression`. */
export function frameText(frame: WindowFrame, expression: (e: Extract<WindowFrame['start'], { offset: unknown }>['offset']) => string): string {
  const bound = (b: WindowFrame['start']) => {
    if (b.kind === 'preceding' || b.kind === 'following') return `${expression(b.offset)} ${b.kind.toUpperCase()}`;
    return b.kind === 'unbounded-preceding' ? 'UNBOUNDED PRECEDING' : b.kind === 'unbounded-following' ? 'UNBOUNDED FOLLOWING' : 'CURRENT ROW';
  };
  const type = frame.type.toUpperCase();
  return frame.end ? `${type} BETWEEN ${bound(frame.start)} AND ${bound(frame.end)}` : `${type} ${bound(frame.start)}`;
}
