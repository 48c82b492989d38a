-- source: github aws-samples/aws-incident-response-playbooks playbooks/resources/athena-queries-credential-compromise.sql @ ac15f416c67114a8fe962489211f96e40f5f9853
-- licence: MIT-0
-- adapted: nothing (the playbook already names the table cloudtrail_logs; its START_TIME/END_TIME placeholders are kept as written)
SELECT eventTime, eventName, sourceIPAddress, requestParameters, responseElements
FROM cloudtrail_logs
WHERE userIdentity.accessKeyId = 'AKIAIOSFODNN7EXAMPLE'
  AND eventName IN ('CreateUser', 'CreateRole', 'CreateAccessKey',
                    'CreateLoginProfile', 'AttachUserPolicy', 'AttachRolePolicy',
                    'PutUserPolicy', 'PutRolePolicy', 'UpdateAssumeRolePolicy',
                    'CreateFunction', 'UpdateFunctionCode', 'AddPermission',
                    'CreateEventSourceMapping', 'PutBucketPolicy',
                    'CreateTrail', 'StopLogging', 'DeleteTrail')
  AND eventTime BETWEEN 'START_TIME' AND 'END_TIME'
ORDER BY eventTime ASC;
