-- source: github quiltdata/quilt lambdas/access_counts/src/t4_lambda_access_counts/index.py @ 02a974613fefaf741808c7bb0ddc3f024b023b83 (the SELECT of INSERT_INTO_OBJECT_ACCESS_LOG)
-- licence: Apache-2.0
-- adapted: table cloudtrail → cloudtrail_logs; the SELECT of the INSERT INTO statement only; the Python template values {start_ts:f} and {end_ts:f} filled with 1626912000.000000 (2021-07-22 00:00 UTC) and 1627171200.000000 (2021-07-25 00:00 UTC)
SELECT eventname, bucket, key, date_format(eventtime, '%Y-%m-%d') AS date
FROM (
    SELECT
        eventname,
        from_iso8601_timestamp(eventtime) AS eventtime,
        json_extract_scalar(requestparameters, '$.bucketName') AS bucket,
        json_extract_scalar(requestparameters, '$.key') AS key
    FROM cloudtrail_logs
    WHERE useragent != 'athena.amazonaws.com' AND useragent NOT LIKE '%quilt3-lambdas-es-indexer%'
)
-- Filter out non-S3 events, or S3 events like ListBucket that have no object
-- Select the correct time range
WHERE bucket IS NOT NULL AND key IS NOT NULL AND
      eventtime >= from_unixtime(1626912000.000000) AND eventtime < from_unixtime(1627171200.000000)
