-- source: github yanzhoushow/aws_incident_responder README.md @ 4745d52c2baa25f96c65d3d317b74e1e0a5da515
-- licence: none stated in the repository (short query quoted with attribution)
-- adapted: table flaws2.cloudtrail → flaws2.cloudtrail_logs (database kept)
SELECT eventname AS event_name,
       count(*) AS event_count
FROM flaws2.cloudtrail_logs
GROUP BY eventname
ORDER BY event_count DESC
