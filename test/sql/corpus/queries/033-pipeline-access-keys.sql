-- source: github aws-samples/aws-incident-response-playbooks-workshop playbooks/crypto_mining/EC2_crypto_mining.md @ c996d4cf0117132beea928e537274caa73a8d4e6
-- licence: MIT-0
-- adapted: table "irworkshopgluedatabase"."irworkshopgluetablecloudtrail" → "irworkshopgluedatabase"."cloudtrail_logs" (database kept); partition date_partition → "timestamp"
-- retrieve additional information about changes made to the services
SELECT DISTINCT useridentity.accesskeyid
FROM "irworkshopgluedatabase"."cloudtrail_logs"
WHERE useridentity.arn = 'arn:aws:iam::999999999999:user/pipeline'
      AND "timestamp" >= '2021/07/22'
      AND "timestamp" <= '2021/07/29'
