-- source: github aws-samples/aws-incident-response-playbooks playbooks/resources/athena-queries-data-access.sql @ ac15f416c67114a8fe962489211f96e40f5f9853
-- licence: MIT-0
-- adapted: nothing (the playbook already names the table cloudtrail_logs; its START_TIME/END_TIME placeholders are kept as written)
SELECT DATE_TRUNC('hour', from_iso8601_timestamp(eventTime)) as hour_bucket,
       userIdentity.arn, COUNT(*) as read_count
FROM cloudtrail_logs
WHERE eventSource = 's3.amazonaws.com'
  AND eventName = 'GetObject'
  AND requestParameters LIKE '%BUCKET_NAME%'
  AND eventTime BETWEEN 'START_TIME' AND 'END_TIME'
GROUP BY DATE_TRUNC('hour', from_iso8601_timestamp(eventTime)), userIdentity.arn
HAVING COUNT(*) > 100
ORDER BY hour_bucket ASC;
