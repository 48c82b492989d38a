-- source: github aws-samples/aws-incident-response-playbooks-workshop playbooks/credential_exposure/IAM_credential_exposure.md @ c996d4cf0117132beea928e537274caa73a8d4e6
-- licence: MIT-0
-- adapted: table "irworkshopgluedatabase"."irworkshopgluetablecloudtrail" → "irworkshopgluedatabase"."cloudtrail_logs" (database kept); partition date_partition → "timestamp"
-- retrieve rogue user source IP addresses and user agents used for API calls
SELECT sourceipaddress, useragent, count(eventid) as COUNT 
FROM "irworkshopgluedatabase"."cloudtrail_logs"
WHERE useridentity.username = 'JaneDoe'
      AND "timestamp" >= '2021/07/16'
      AND "timestamp" <= '2021/07/24'
GROUP BY sourceipaddress, useragent
ORDER BY COUNT DESC
