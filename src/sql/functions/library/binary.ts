/** Binary functions (Trino's binary.md): hex, base64 and hashes of VARBINARY values. */
import { call, scalar, template, type TrinoFunction } from '../function.ts';

export const BINARY: readonly TrinoFunction[] = [
  scalar('to_hex', [{ args: ['varbinary'], returns: 'varchar', emit: template('upper(hex($1))') }]),
  scalar('from_hex', [{ args: ['varchar'], returns: 'varbinary', emit: call('unhex') }]),
  scalar('to_base64', [{ args: ['varbinary'], returns: 'varchar', emit: call('to_base64') }]),
  scalar('from_base64', [
    { args: ['varchar'], returns: 'varbinary', emit: call('from_base64') },
    { args: ['varbinary'], returns: 'varbinary', emit: template('from_base64(decode($1))') },
  ]),
  scalar('to_base64url', [{ args: ['varbinary'], returns: 'varchar', emit: template("replace(replace(to_base64($1), '+', '-'), '/', '_')") }]),
  scalar('from_base64url', [{ args: ['varchar'], returns: 'varbinary', emit: template("from_base64(replace(replace($1, '-', '+'), '_', '/'))") }]),
  // DuckDB's hashes answer hex text; Trino's are the bytes.
  scalar('md5', [{ args: ['varbinary'], returns: 'varbinary', emit: template('unhex(md5($1))') }]),
  scalar('sha1', [{ args: ['varbinary'], returns: 'varbinary', emit: template('unhex(sha1($1))') }]),
  scalar('sha256', [{ args: ['varbinary'], returns: 'varbinary', emit: template('unhex(sha256($1))') }]),
  scalar('uuid', [{ args: [], returns: 'uuid', emit: () => 'gen_random_uuid()' }], { deterministic: false }),
];
