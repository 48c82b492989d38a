-- source: github yanzhoushow/aws_incident_responder athena/event_errors.sql @ a25eb36ef753bcc26fbad5b3b581c81159a430c2
-- licence: none stated in the repository (short query quoted with attribution)
-- adapted: table flaws2.cloudtrail → flaws2.cloudtrail_logs (database kept)
SELECT count(*)*100.0/(SELECT count(*) FROM flaws2.cloudtrail_logs) AS event_error_percentage
FROM flaws2.cloudtrail_logs
WHERE errorcode IS NOT NULL;
