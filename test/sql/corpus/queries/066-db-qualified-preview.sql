-- source: github hihinsonli/Automation_Jenkins aws/athena/cloudtrail_query.sql @ f53da719bc168638ba2991b5f2bddc921d2fb737
-- licence: none stated in the repository (short query quoted with attribution)
-- adapted: nothing (the file already names the table cloudtrail_logs_db.cloudtrail_logs; database kept)
SELECT * FROM cloudtrail_logs_db.cloudtrail_logs LIMIT 10;
