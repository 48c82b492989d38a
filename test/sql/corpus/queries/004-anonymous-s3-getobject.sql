-- source: github awsdocs/amazon-athena-user-guide doc_source/cloudtrail-logs.md @ 75b04ee84f56c0beea230ccbb6aeb51cf65d5c66 (https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html)
-- licence: MIT-0 (sample code in AWS documentation, LICENSE-SAMPLECODE; prose CC-BY-SA-4.0)
-- adapted: nothing (the bucket-name placeholder is kept as the guide wrote it)
SELECT *
FROM cloudtrail_logs
WHERE 
    eventsource = 's3.amazonaws.com' AND 
    eventname in ('GetObject') AND 
    useridentity.accountid = 'anonymous' AND 
    useridentity.arn IS NULL AND
    requestparameters LIKE '%[your bucket name ]%';
