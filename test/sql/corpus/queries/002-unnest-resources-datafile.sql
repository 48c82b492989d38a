-- source: github awsdocs/amazon-athena-user-guide doc_source/cloudtrail-logs.md @ 75b04ee84f56c0beea230ccbb6aeb51cf65d5c66 (https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html)
-- licence: MIT-0 (sample code in AWS documentation, LICENSE-SAMPLECODE; prose CC-BY-SA-4.0)
-- adapted: nothing
SELECT 
    awsregion,
    replace(unnested.resources_entry.ARN,'arn:aws:s3:::') as s3_resource,
    eventname,
    eventtime,
    useragent
FROM cloudtrail_logs t
CROSS JOIN UNNEST(t.resources) unnested (resources_entry)
WHERE unnested.resources_entry.ARN LIKE '%example/datafile.txt'
ORDER BY eventtime
