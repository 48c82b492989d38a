-- source: github awslabs/aws-security-analytics-bootstrap AWSSecurityAnalyticsBootstrap/sql/dml/analytics/cloudtrail/cloudtrail_demo_queries.sql @ f7b8795c25bd26c594277e042938e905076313da
-- licence: Apache-2.0
-- adapted: table cloudtrail → cloudtrail_logs; partitions account_partition → account, region_partition → region, date_partition → "timestamp" (quoted: a reserved word in Trino)
SELECT * from cloudtrail_logs
WHERE "timestamp" >= '2021/07/01'
AND "timestamp" <= '2021/07/31'
AND account = '111122223333'
AND region in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
LIMIT 10;
