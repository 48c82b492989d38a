-- source: github yanzhoushow/aws_incident_responder athena_query.sql @ 18928a626e67578c8455e07278c2a7816e1eb915
-- licence: none stated in the repository (short query quoted with attribution)
-- adapted: table cloudtrail → cloudtrail_logs
WITH events AS 
    (SELECT useridentity.accountid AS account_id,
            min(eventtime) OVER (PARTITION BY useridentity.accountid) AS min_event_timestamp, 
            max(eventtime) OVER (PARTITION BY useridentity.accountid) AS max_event_timestamp, 
            count(*) OVER (PARTITION BY useridentity.accountid) AS event_count
    FROM cloudtrail_logs
    WHERE useridentity.accountid IS NOT NULL)
SELECT DISTINCT account_id,
       DATE_DIFF('second', from_iso8601_timestamp(min_event_timestamp), from_iso8601_timestamp(max_event_timestamp))*1.0/(event_count-1) AS mean_interval_in_second
FROM events
