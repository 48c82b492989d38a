-- source: github rickard-von-essen/athena-talk NOTES.sql @ d9820524a70ab689bf18f255385cb03936bcb859
-- licence: none stated in the repository (short query quoted with attribution)
-- adapted: nothing (the talk already names the table "demo"."cloudtrail_logs"; database kept)
SELECT SUM(1) AS count, eventname, awsregion
FROM "demo"."cloudtrail_logs"
WHERE eventsource = 's3.amazonaws.com'
GROUP BY eventname, awsregion
ORDER BY count DESC
LIMIT 10;
