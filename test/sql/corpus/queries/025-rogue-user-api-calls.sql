-- source: github aws-samples/aws-incident-response-playbooks-workshop playbooks/credential_exposure/IAM_credential_exposure.md @ c996d4cf0117132beea928e537274caa73a8d4e6
-- licence: MIT-0
-- adapted: table "irworkshopgluedatabase"."irworkshopgluetablecloudtrail" → "irworkshopgluedatabase"."cloudtrail_logs" (database kept); partition date_partition → "timestamp"
-- retrieve API call activity of rogue user
SELECT awsregion, eventsource, eventname, readonly, errorcode, errormessage, count(eventid) as COUNT 
FROM "irworkshopgluedatabase"."cloudtrail_logs"
WHERE useridentity.username = 'JaneDoe'
      AND "timestamp" >= '2021/07/16'
      AND "timestamp" <= '2021/07/24'
GROUP BY awsregion, eventsource, eventname, readonly, errorcode, errormessage
ORDER BY COUNT DESC
