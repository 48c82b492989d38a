-- source: github awsdocs/amazon-athena-user-guide doc_source/cloudtrail-logs.md @ 75b04ee84f56c0beea230ccbb6aeb51cf65d5c66 (https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html)
-- licence: MIT-0 (sample code in AWS documentation, LICENSE-SAMPLECODE; prose CC-BY-SA-4.0)
-- adapted: nothing (the guide already names the table cloudtrail_logs)
SELECT 
    eventsource, 
    eventname,
    useridentity.sessioncontext.attributes.creationdate,
    useridentity.sessioncontext.sessionissuer.arn
FROM cloudtrail_logs
WHERE useridentity.sessioncontext.sessionissuer.arn IS NOT NULL
ORDER BY eventsource, eventname
LIMIT 10
