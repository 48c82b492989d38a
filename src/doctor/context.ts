import type { AthenaClient } from '@aws-sdk/client-athena';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { QuickSightClient } from '@aws-sdk/client-quicksight';
import type { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';
import type { ResolvedTarget } from '../compile/index.ts';
import type { ProjectSpec } from '../language/schema/index.ts';

export interface DoctorClients {
  readonly sts: STSClient;
  readonly quicksight: QuickSightClient;
  readonly cloudtrail: CloudTrailClient;
  readonly s3: S3Client;
  readonly athena: AthenaClient;
  readonly iam: IAMClient;
}

/** What every check is given: the Project, the target, clients connected to it, the time. */
export interface DoctorContext {
  readonly project: ProjectSpec;
  readonly target: ResolvedTarget;
  readonly clients: DoctorClients;
  /** Set on the local target: why IAM cannot be asked there. */
  readonly local?: { readonly noIam: string };
  readonly now: Date;
}

/** What earlier checks learned that later ones use (the trail's KMS key, for the service role). */
export interface Learned {
  trailKmsKeyId?: string;
}
