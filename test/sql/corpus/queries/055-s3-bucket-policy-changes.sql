-- source: github mhmtayberk/aws-cloud-security-detection-pack detections/sql/s3_bucket_policy_changes.sql @ b39c4a8e3d4732b419692783ee86d5d93d00d047
-- licence: MIT
-- adapted: nothing (the pack already names the table cloudtrail_logs)
-- Rule: S3 Bucket Policy or ACL Modification
-- Description: Detects potentially dangerous changes to bucket permissions
-- Severity: High

SELECT
  eventTime,
  eventName,
  eventSource,
  userIdentity.arn AS actor_arn,
  json_extract_scalar(requestParameters, '$.bucketName') AS bucket_name,
  requestParameters,
  sourceIPAddress,
  userAgent
FROM
  cloudtrail_logs
WHERE
  eventSource = 's3.amazonaws.com'
  AND eventName IN (
    'PutBucketPolicy',
    'DeleteBucketPolicy',
    'PutBucketAcl',
    'DeleteBucketAcl'
  )
  AND (userIdentity.invokedBy IS NULL OR userIdentity.invokedBy = '')
ORDER BY
  eventTime DESC;
