-- source: github mhmtayberk/aws-cloud-security-detection-pack detections/sql/config_recorder_stop.sql @ b39c4a8e3d4732b419692783ee86d5d93d00d047
-- licence: MIT
-- adapted: nothing (the pack already names the table cloudtrail_logs)
-- Rule: AWS Config Configuration Recorder Stopped
-- Description: Detects disabling of resource history tracking.
-- Severity: Medium
-- MITRE: T1562.001

SELECT
  eventTime,
  eventName,
  userIdentity.arn AS actor_arn,
  json_extract_scalar(requestParameters, '$.configurationRecorderName') AS recorder_name,
  sourceIPAddress,
  userAgent
FROM
  cloudtrail_logs
WHERE
  eventName IN ('StopConfigurationRecorder', 'DeleteConfigurationRecorder')
ORDER BY
  eventTime DESC;
