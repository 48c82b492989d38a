-- source: github awsdocs/amazon-athena-user-guide doc_source/cloudtrail-logs.md @ 75b04ee84f56c0beea230ccbb6aeb51cf65d5c66 (https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html)
-- licence: MIT-0 (sample code in AWS documentation, LICENSE-SAMPLECODE; prose CC-BY-SA-4.0)
-- adapted: nothing
SELECT 
    awsregion,
    replace(unnested.resources_entry.ARN,'arn:aws:s3:::') as deleted_bucket,
    eventtime AS time_deleted,
    useridentity.username, 
    unnested.resources_entry.accountid as bucket_acct_id 
FROM cloudtrail_logs t
CROSS JOIN UNNEST(t.resources) unnested (resources_entry)
WHERE eventname = 'DeleteBucket'
ORDER BY eventtime
