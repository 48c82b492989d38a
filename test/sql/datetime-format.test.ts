import assert from 'node:assert/strict';
import { jodaToStrftime, mysqlToStrftime } from '../../src/sql/functions/datetime-format.ts';

describe('sql: Trino date/time format languages as strftime', () => {
  it('translates MySQL-style (date_format, date_parse) and Joda (format_datetime, parse_datetime) formats', () => {
    assert.equal(mysqlToStrftime('%Y-%m-%d %H:%i:%s.%f %p %%'), '%Y-%m-%d %H:%M:%S.%f %p %%');
    assert.equal(mysqlToStrftime('%c/%e/%y %M %W %T'), '%-m/%-d/%y %B %A %H:%M:%S');
    assert.equal(jodaToStrftime("yyyy-MM-dd'T'HH:mm:ss.SSS"), '%Y-%m-%dT%H:%M:%S.%g');
    assert.equal(jodaToStrftime('EEE, d MMM yyyy'), '%a, %-d %b %Y');
  });
});
