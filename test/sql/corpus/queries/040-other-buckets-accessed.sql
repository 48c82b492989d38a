-- source: github aws-samples/aws-incident-response-playbooks playbooks/resources/athena-queries-data-access.sql @ ac15f416c67114a8fe962489211f96e40f5f9853
-- licence: MIT-0
-- adapted: nothing (the playbook already names the table cloudtrail_logs; its START_TIME/END_TIME placeholders are kept as written)
SELECT DISTINCT json_extract_scalar(requestParameters, '$.bucketName') as bucket_accessed
FROM cloudtrail_logs
WHERE userIdentity.arn = 'SUSPECT_PRINCIPAL'
  AND eventSource = 's3.amazonaws.com'
  AND eventName = 'GetObject'
  AND eventTime BETWEEN 'START_TIME' AND 'END_TIME';
