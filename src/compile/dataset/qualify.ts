/** The name free SQL uses for the CloudTrail table; compile replaces it by the Glue table. */
export const TABLE_PLACEHOLDER = 'cloudtrail_logs';
