import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** What a huge field repeats: markup and quote characters, so its cut form also tests escaping. */
export const HUGE_PATTERN = `Ab3<&"'x`;

export type HugeField = 'userName' | 'userAgent' | 'requestParameters';

export interface HugeLogOptions {
  readonly account: string;
  readonly region: string;
  readonly time: Date;
  /** Characters in each huge field (its value; for requestParameters, the value of its `userName` key). */
  readonly chars: number;
  readonly fields: readonly HugeField[];
  readonly eventId?: string;
}

/**
 * One CloudTrail log file, in the S3 layout under `root`, holding one failed console login whose
 * chosen fields are `chars` characters long, as a broken or hostile log writer could leave it.
 * Written as a stream (the record is never one string here), gzipped, one line as CloudTrail writes.
 */
export async function writeHugeLog(root: string, options: HugeLogOptions): Promise<string> {
  const iso = options.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [y, m, d] = iso.slice(0, 10).split('-');
  const HUGE = '\u0000huge\u0000';
  const field = (name: HugeField, normal: unknown) => (options.fields.includes(name) ? HUGE : normal);
  const event = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAHUGEEXAMPLE00000',
      arn: `arn:aws:iam::${options.account}:user/huge`,
      accountId: options.account,
      userName: field('userName', 'huge'),
    },
    eventTime: iso,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: options.region,
    sourceIPAddress: '203.0.113.99',
    userAgent: field('userAgent', 'Mozilla/5.0'),
    requestParameters: options.fields.includes('requestParameters') ? { userName: HUGE } : null,
    responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
    errorMessage: 'Failed authentication',
    eventID: options.eventId ?? '00000000-0000-4000-8000-00000000huge',
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: options.account,
    eventCategory: 'Management',
  };
  // The record's JSON with a placeholder where each huge value goes; the values are streamed in.
  const parts = JSON.stringify({ Records: [event] }).split(JSON.stringify(HUGE));
  const dir = join(root, 'AWSLogs', options.account, 'CloudTrail', options.region, y!, m!, d!);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${options.account}_CloudTrail_${options.region}_${y}${m}${d}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z_huge${options.chars}.json.gz`);
  const escaped = JSON.stringify(HUGE_PATTERN).slice(1, -1);
  const perChunk = Math.floor((1 << 20) / HUGE_PATTERN.length);
  async function* text(): AsyncGenerator<string> {
    for (let i = 0; i < parts.length; i++) {
      yield parts[i]!;
      if (i === parts.length - 1) break;
      yield '"';
      let left = options.chars;
      while (left > 0) {
        const repeats = Math.min(perChunk, Math.ceil(left / HUGE_PATTERN.length));
        const chunk = HUGE_PATTERN.repeat(repeats);
        if (chunk.length <= left) {
          yield escaped.repeat(repeats);
          left -= chunk.length;
        } else {
          yield JSON.stringify(chunk.slice(0, left)).slice(1, -1);
          left = 0;
        }
      }
      yield '"';
    }
  }
  await pipeline(text(), createGzip({ level: 1 }), createWriteStream(file));
  return file;
}
