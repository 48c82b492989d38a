-- source: github aws-samples/aws-incident-response-playbooks-workshop playbooks/crypto_mining/EC2_crypto_mining.md @ c996d4cf0117132beea928e537274caa73a8d4e6
-- licence: MIT-0
-- adapted: table "irworkshopgluedatabase"."irworkshopgluetablecloudtrail" → "irworkshopgluedatabase"."cloudtrail_logs" (database kept); partition date_partition → "timestamp"
-- check all EC2 actions performed involving the EC2 instances
SELECT awsregion, useridentity.arn, eventsource, eventname, readonly, errorcode, errormessage, count(eventid) as COUNT 
FROM "irworkshopgluedatabase"."cloudtrail_logs"
WHERE eventsource = 'ec2.amazonaws.com' AND
      ("timestamp" >= '2021/07/22' AND
      "timestamp" <= '2021/07/29') 
      AND 
     (
       requestparameters LIKE '%i-021345abcdef678a%' OR
       requestparameters LIKE '%i-021345abcdef678b%' OR
       requestparameters LIKE '%i-021345abcdef678v%' OR
       requestparameters LIKE '%i-021345abcdef678d%' OR
       responseelements  LIKE '%i-021345abcdef678e%' OR
       responseelements  LIKE '%i-021345abcdef678f%' OR
       responseelements  LIKE '%i-021345abcdef678g%' OR
       responseelements  LIKE '%i-021345abcdef678h%'
      )
GROUP BY awsregion, useridentity.arn, eventsource, eventname, readonly, errorcode, errormessage
ORDER BY COUNT DESC;
