-- source: github mhmtayberk/aws-cloud-security-detection-pack detections/sql/aws_access_key_exposure.sql @ b39c4a8e3d4732b419692783ee86d5d93d00d047
-- licence: MIT
-- adapted: nothing (the pack already names the table cloudtrail_logs)
-- Rule: Potential AWS Access Key Exposure
-- Description: Detects GetCallerIdentity from potential attackers
-- Severity: High

SELECT
  eventTime,
  eventName,
  userIdentity.arn AS actor_arn,
  sourceIPAddress,
  userAgent
FROM
  cloudtrail_logs
WHERE
  eventName = 'GetCallerIdentity'
  AND userIdentity.type = 'IAMUser'
  -- Filter out internal IPs if possible
  -- AND sourceIPAddress NOT LIKE '10.%'
ORDER BY
  eventTime DESC;
