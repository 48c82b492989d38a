-- source: github aws-samples/aws-incident-response-playbooks-workshop playbooks/crypto_mining/EC2_crypto_mining.md @ c996d4cf0117132beea928e537274caa73a8d4e6
-- licence: MIT-0
-- adapted: table "irworkshopgluedatabase"."irworkshopgluetablecloudtrail" → "irworkshopgluedatabase"."cloudtrail_logs" (database kept); partition date_partition → "timestamp"
-- retrieve useridentity.arn from past 7 days of API calls from source IP address
SELECT useridentity.arn, count(eventid) as COUNT 
FROM "irworkshopgluedatabase"."cloudtrail_logs"
WHERE sourceipaddress = '203.0.113.99'
      AND "timestamp" >= '2021/07/22'
      AND "timestamp" <= '2021/07/29'
GROUP BY useridentity.arn
ORDER BY COUNT DESC
