-- source: github awsdocs/amazon-athena-user-guide doc_source/cloudtrail-logs.md @ 75b04ee84f56c0beea230ccbb6aeb51cf65d5c66 (https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html)
-- licence: MIT-0 (sample code in AWS documentation, LICENSE-SAMPLECODE; prose CC-BY-SA-4.0)
-- adapted: nothing
SELECT
 useridentity.arn,
 eventname,
 sourceipaddress,
 eventtime
FROM cloudtrail_logs
LIMIT 100;
