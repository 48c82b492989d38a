-- source: github mhmtayberk/aws-cloud-security-detection-pack detections/sql/kms_key_schedule_deletion.sql @ b39c4a8e3d4732b419692783ee86d5d93d00d047
-- licence: MIT
-- adapted: nothing (the pack already names the table cloudtrail_logs)
-- Rule: KMS Key Scheduled for Deletion
-- Description: Detects destructive action against encryption keys.
-- Severity: Critical
-- MITRE: T1485

SELECT
  eventTime,
  eventName,
  userIdentity.arn AS actor_arn,
  json_extract_scalar(requestParameters, '$.keyId') AS key_id,
  json_extract_scalar(requestParameters, '$.pendingWindowInDays') AS pending_window,
  sourceIPAddress,
  userAgent
FROM
  cloudtrail_logs
WHERE
  eventName = 'ScheduleKeyDeletion'
ORDER BY
  eventTime DESC;
