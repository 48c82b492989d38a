import type { AnalysisDefinition, CreateAnalysisCommandInput, CreateDashboardCommandInput, ResourcePermission } from '@aws-sdk/client-quicksight';
import type { AnalysisSpec, DashboardSpec } from '../../language/schema/index.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';

interface BoardOptions<S> {
  readonly spec: S;
  readonly target: ResolvedTarget;
  readonly id: string;
  readonly definition: AnalysisDefinition;
  readonly permissions: ResourcePermission[] | undefined;
  /** The ARN of the theme it is drawn with, if any. */
  readonly themeArn?: string;
  readonly tags: Record<string, string>;
}

/** QuickSight `CreateAnalysis` from a definition: the explorable side of a Dashboard, or an Analysis spec. */
export function quicksightAnalysis(options: BoardOptions<DashboardSpec | AnalysisSpec>): CreateAnalysisCommandInput {
  return {
    AwsAccountId: options.target.account,
    AnalysisId: options.id,
    Name: options.spec.name,
    Definition: options.definition,
    ...(options.themeArn ? { ThemeArn: options.themeArn } : {}),
    Permissions: options.permissions,
    Tags: tagList(options.tags),
  };
}

const status = (on: boolean | undefined) => ((on ?? true) ? 'ENABLED' : 'DISABLED');

/** QuickSight `CreateDashboard` from the same definition (not from a template), with its publish options. */
export function quicksightDashboard(options: BoardOptions<DashboardSpec>): CreateDashboardCommandInput {
  const publish = options.spec.publish ?? {};
  return {
    AwsAccountId: options.target.account,
    DashboardId: options.id,
    Name: options.spec.name,
    Definition: options.definition,
    DashboardPublishOptions: {
      AdHocFilteringOption: { AvailabilityStatus: status(publish.adHocFiltering) },
      ExportToCSVOption: { AvailabilityStatus: status(publish.export) },
      SheetControlsOption: { VisibilityState: (publish.expandControls ?? true) ? 'EXPANDED' : 'COLLAPSED' },
    },
    ...(options.themeArn ? { ThemeArn: options.themeArn } : {}),
    Permissions: options.permissions,
    Tags: tagList(options.tags),
  };
}
