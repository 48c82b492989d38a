/**
 * What log files under some S3 prefixes weigh, from listings (ListObjectsV2, paged), for the bytes a
 * query will scan on Athena when the logs are not on this machine. Digest files (`CloudTrail-Digest/`)
 * are not under a partition's prefix, so they are never counted.
 */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';

export interface ListedBytes {
  readonly bytes: number;
  readonly files: number;
  /** False when listing stopped early because `stopAbove` was passed: the total is at least `bytes`. */
  readonly complete: boolean;
}

/** Sums the objects under each prefix; stops listing once the total passes `stopAbove`. */
export async function bytesUnderPrefixes(
  s3: S3Client,
  bucket: string,
  prefixes: readonly string[],
  stopAbove = Number.POSITIVE_INFINITY,
): Promise<ListedBytes> {
  const limit = pLimit(8);
  let bytes = 0;
  let files = 0;
  const over = () => bytes > stopAbove;
  await Promise.all(
    prefixes.map((prefix) =>
      limit(async () => {
        if (over()) return;
        for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
          for (const object of page.Contents ?? []) {
            bytes += object.Size ?? 0;
            files += 1;
          }
          if (over()) return;
        }
      }),
    ),
  );
  return { bytes, files, complete: !over() };
}
