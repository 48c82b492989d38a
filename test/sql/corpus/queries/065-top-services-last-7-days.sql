-- source: github kaldurjoy/TuK-cloudtrail-athena starter.sql @ 9458cf6d092c9fb427b844a33ef2a886f18eb678
-- licence: MIT
-- adapted: table placeholder <your_table_name> → cloudtrail_logs
SELECT eventsource, count(*) AS events
FROM cloudtrail_logs
WHERE from_iso8601_timestamp(eventtime) >= current_timestamp - interval '7' day
GROUP BY eventsource
ORDER BY events DESC;
