-- source: github mhmtayberk/aws-cloud-security-detection-pack detections/sql/iam_policy_changes.sql @ b39c4a8e3d4732b419692783ee86d5d93d00d047
-- licence: MIT
-- adapted: nothing (the pack already names the table cloudtrail_logs)
-- Rule: IAM Policy Modification or Detachment
-- Description: Detects removal of IAM policies (potential defense evasion or impact)
-- Severity: Medium

SELECT
  eventTime,
  eventName,
  requestParameters,
  userIdentity.arn AS actor_arn,
  sourceIPAddress,
  userAgent
FROM
  cloudtrail_logs
WHERE
  eventName IN (
    'PutUserPolicy', 'PutGroupPolicy', 'PutRolePolicy',
    'AttachUserPolicy', 'AttachGroupPolicy', 'AttachRolePolicy',
    'DetachUserPolicy', 'DetachGroupPolicy', 'DetachRolePolicy',
    'DeleteUserPolicy', 'DeleteGroupPolicy', 'DeleteRolePolicy',
    'DeletePolicy', 'DeletePolicyVersion'
  )
  AND (userIdentity.invokedBy IS NULL OR userIdentity.invokedBy = '')
ORDER BY
  eventTime DESC;
