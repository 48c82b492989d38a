/**
 * The IAM role QuickSight uses for Athena and S3 unless the account chose another (Manage QuickSight
 * → Security & permissions): what must be allowed to read the trail's bucket and use Athena.
 */
export const QUICKSIGHT_SERVICE_ROLE = 'service-role/aws-quicksight-service-role-v0';
