/**
 * Glue (Hive) column types — `string`, `struct<type:string,arn:string>`, `array<…>`, `map<string,string>`
 * — as the types Athena gives those columns in queries.
 */
import type { SqlType } from './sql-type.ts';

export function parseHiveType(text: string): SqlType {
  const parser = new HiveTypeParser(text.trim());
  const type = parser.type();
  parser.end();
  return type;
}

class HiveTypeParser {
  private at = 0;

  constructor(private readonly text: string) {}

  type(): SqlType {
    const name = this.word().toLowerCase();
    switch (name) {
      case 'string':
        return { kind: 'varchar' };
      case 'varchar':
        return this.optionalLength() === undefined ? { kind: 'varchar' } : { kind: 'varchar', length: this.lastLength! };
      case 'char':
        return { kind: 'char', length: this.optionalLength() ?? 1 };
      case 'tinyint':
        return { kind: 'tinyint' };
      case 'smallint':
        return { kind: 'smallint' };
      case 'int':
      case 'integer':
        return { kind: 'integer' };
      case 'bigint':
        return { kind: 'bigint' };
      case 'float':
        return { kind: 'real' };
      case 'double':
        return { kind: 'double' };
      case 'boolean':
        return { kind: 'boolean' };
      case 'date':
        return { kind: 'date' };
      case 'timestamp':
        return { kind: 'timestamp', precision: 3 };
      case 'binary':
        return { kind: 'varbinary' };
      case 'decimal': {
        if (!this.take('(')) return { kind: 'decimal', precision: 10, scale: 0 };
        const precision = this.number();
        const scale = this.take(',') ? this.number() : 0;
        this.expect(')');
        return { kind: 'decimal', precision, scale };
      }
      case 'array': {
        this.expect('<');
        const element = this.type();
        this.expect('>');
        return { kind: 'array', element };
      }
      case 'map': {
        this.expect('<');
        const key = this.type();
        this.expect(',');
        const value = this.type();
        this.expect('>');
        return { kind: 'map', key, value };
      }
      case 'struct': {
        this.expect('<');
        const fields: { name: string; type: SqlType }[] = [];
        do {
          const field = this.word().toLowerCase();
          this.expect(':');
          fields.push({ name: field, type: this.type() });
        } while (this.take(','));
        this.expect('>');
        return { kind: 'row', fields };
      }
      default:
        throw new Error(`unknown Hive type '${name}' in ${this.text}`);
    }
  }

  end(): void {
    this.space();
    if (this.at !== this.text.length) throw new Error(`unexpected '${this.text.slice(this.at)}' in Hive type ${this.text}`);
  }

  private lastLength: number | undefined;

  private optionalLength(): number | undefined {
    this.lastLength = this.take('(') ? this.number() : undefined;
    if (this.lastLength !== undefined) this.expect(')');
    return this.lastLength;
  }

  private space(): void {
    while (this.text[this.at] === ' ') this.at++;
  }

  private word(): string {
    this.space();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    if (!match) throw new Error(`expected a name at '${this.text.slice(this.at)}' in Hive type ${this.text}`);
    this.at += match[0].length;
    return match[0];
  }

  private number(): number {
    this.space();
    const match = /^\d+/.exec(this.text.slice(this.at));
    if (!match) throw new Error(`expected a number in Hive type ${this.text}`);
    this.at += match[0].length;
    return Number(match[0]);
  }

  private take(token: string): boolean {
    this.space();
    if (this.text[this.at] !== token) return false;
    this.at += 1;
    return true;
  }

  private expect(token: string): void {
    if (!this.take(token)) throw new Error(`expected '${token}' in Hive type ${this.text}`);
  }
}
