/** Where CloudTrail puts its files in the bucket, and what it names them. */
import { join } from 'node:path';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY/MM/DD` folders of a UTC day. */
export function dayFolders(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** `YYYYMMDDTHHmmZ`, the delivery stamp in log file names. */
export function deliveryStamp(time: number, withSeconds = false): string {
  const d = new Date(time);
  const seconds = withSeconds ? pad(d.getUTCSeconds()) : '';
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${seconds}Z`;
}

/** `AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<acct>_CloudTrail_<region>_<stamp>_<suffix>.json.gz` */
export function logFileKey(account: string, region: string, delivered: number, suffix: string): string {
  return `AWSLogs/${account}/CloudTrail/${region}/${dayFolders(delivered)}/${account}_CloudTrail_${region}_${deliveryStamp(delivered)}_${suffix}.json.gz`;
}

/** `AWSLogs/<acct>/CloudTrail-Digest/<region>/YYYY/MM/DD/<acct>_CloudTrail-Digest_<region>_<trail>_<region>_<stamp>.json.gz` */
export function digestFileKey(account: string, region: string, trail: string, delivered: number): string {
  return `AWSLogs/${account}/CloudTrail-Digest/${region}/${dayFolders(delivered)}/${account}_CloudTrail-Digest_${region}_${trail}_${region}_${deliveryStamp(delivered, true)}.json.gz`;
}

export function localPath(out: string, key: string): string {
  return join(out, ...key.split('/'));
}
