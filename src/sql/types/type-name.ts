/** A type as written in SQL (`CAST(x AS decimal(10, 2))`) → the analyzer's type; unknown names are TYPE_NOT_FOUND. */
import { SqlError } from '../errors.ts';
import type { TypeName, TypeParameter } from '../tree/ast.ts';
import type { SqlType } from './sql-type.ts';

const SIMPLE: Readonly<Record<string, SqlType>> = {
  boolean: { kind: 'boolean' },
  tinyint: { kind: 'tinyint' },
  smallint: { kind: 'smallint' },
  integer: { kind: 'integer' },
  int: { kind: 'integer' },
  bigint: { kind: 'bigint' },
  real: { kind: 'real' },
  double: { kind: 'double' },
  varbinary: { kind: 'varbinary' },
  json: { kind: 'json' },
  date: { kind: 'date' },
  ipaddress: { kind: 'ipaddress' },
  ipprefix: { kind: 'ipprefix' },
  uuid: { kind: 'uuid' },
  'interval day to second': { kind: 'interval day to second' },
  'interval year to month': { kind: 'interval year to month' },
};

export function typeFromName(name: TypeName): SqlType {
  const params = name.parameters;
  const numbers = params.filter((p): p is Extract<TypeParameter, { kind: 'number' }> => p.kind === 'number').map((p) => p.value);
  const types = params.filter((p): p is Extract<TypeParameter, { kind: 'type' }> => p.kind === 'type');
  const bad = (): SqlError => new SqlError('TYPE_NOT_FOUND', `Unknown type: ${printTypeName(name)}`, name.at);
  const simple = SIMPLE[name.name];
  if (simple) {
    if (params.length > 0) throw bad();
    return simple;
  }
  switch (name.name) {
    case 'varchar':
    case 'char': {
      if (types.length > 0 || numbers.length > 1) throw bad();
      if (name.name === 'char') return { kind: 'char', length: numbers[0] ?? 1 };
      return numbers[0] === undefined ? { kind: 'varchar' } : { kind: 'varchar', length: numbers[0] };
    }
    case 'decimal': {
      if (types.length > 0 || numbers.length > 2) throw bad();
      const precision = numbers[0] ?? 38;
      const scale = numbers[1] ?? 0;
      if (precision < 1 || precision > 38 || scale > precision)
        throw new SqlError('INVALID_LITERAL', `DECIMAL precision must be in range [1, 38] and scale in [0, precision]: ${printTypeName(name)}`, name.at);
      return { kind: 'decimal', precision, scale };
    }
    case 'time':
    case 'timestamp':
    case 'timestamp with time zone': {
      if (types.length > 0 || numbers.length > 1) throw bad();
      if ((numbers[0] ?? 3) > 12) throw new SqlError('INVALID_LITERAL', `${name.name} precision must be in range [0, 12]: ${numbers[0]}`, name.at);
      // Athena engine 3 keeps date-times to milliseconds, whatever precision a type names.
      const precision = 3;
      if (name.name === 'time') return { kind: 'time', precision };
      return name.name === 'timestamp' ? { kind: 'timestamp', precision } : { kind: 'timestamp with time zone', precision };
    }
    case 'time with time zone':
      throw new SqlError('NOT_SUPPORTED', "time with time zone is not supported by trailsight's local engine", name.at);
    case 'array':
      if (types.length !== 1 || numbers.length > 0) throw bad();
      return { kind: 'array', element: typeFromName(types[0]!.type) };
    case 'map':
      if (types.length !== 2 || numbers.length > 0) throw bad();
      return { kind: 'map', key: typeFromName(types[0]!.type), value: typeFromName(types[1]!.type) };
    case 'row':
      if (types.length === 0 || numbers.length > 0) throw bad();
      return { kind: 'row', fields: types.map((t) => ({ ...(t.field ? { name: t.field.value.toLowerCase() } : {}), type: typeFromName(t.type) })) };
    default:
      throw bad();
  }
}

/** The type as written, for messages. */
export function printTypeName(name: TypeName): string {
  if (name.parameters.length === 0) return name.name;
  const parameters = name.parameters.map((p) => (p.kind === 'number' ? String(p.value) : `${p.field ? `${p.field.value} ` : ''}${printTypeName(p.type)}`));
  const [base, ...rest] = name.name.split(' ');
  return `${base}(${parameters.join(', ')})${rest.length ? ` ${rest.join(' ')}` : ''}`;
}
