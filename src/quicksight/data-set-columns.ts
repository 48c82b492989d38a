/**
 * QuickSight's rules for the columns of a data set: the type an input column comes out as, and how
 * the transforms of a logical table find the columns they name.
 */

/**
 * The output type of an input column of each type. BOOLEAN and BIT come out as INTEGER, JSON and
 * SEMISTRUCT as STRING.
 *
 * Evidence: the user guide, "Supported data types and values": "QuickSight accepts Boolean values by
 * promoting them to integers"; QuickSight's own DescribeDataSet outputs recorded in aws-samples/amazon-security-lake-quicksight
 * (asset-templates/*-config.json, test/quicksight/corpus/security-lake): input `identity_session_mfa`
 * BOOLEAN is output column INTEGER, the `unmapped_additional_*` JSON columns are STRING.
 */
const OUTPUT_TYPE: Readonly<Record<string, OutputType>> = {
  STRING: 'STRING',
  INTEGER: 'INTEGER',
  DECIMAL: 'DECIMAL',
  DATETIME: 'DATETIME',
  BIT: 'INTEGER',
  BOOLEAN: 'INTEGER',
  JSON: 'STRING',
  SEMISTRUCT: 'STRING',
};

/** A type of a data set's output columns (QuickSight's `ColumnDataType`). */
export type OutputType = 'STRING' | 'INTEGER' | 'DECIMAL' | 'DATETIME';

/** The type an input column of `inputType` has among the data set's output columns (STRING when unknown). */
export function outputType(inputType: string): OutputType {
  return Object.hasOwn(OUTPUT_TYPE, inputType) ? OUTPUT_TYPE[inputType]! : 'STRING';
}

/**
 * The column a transform (ProjectOperation, RenameColumnOperation, CastColumnTypeOperation, tags)
 * names: by its name as written, else by its name in any case — Athena's column names are lower
 * case whatever the data set says, and QuickSight matches them so.
 *
 * Evidence: the Cloud Intelligence Dashboards' sustainability data set `sus_storage_athena`
 * (aws-samples/aws-cudos-framework-deployment, dashboards/sustainability-proxy-metrics; in
 * test/quicksight/corpus/cid) projects `usage` from input column `Usage` and is deployed as it is.
 */
export function findColumn<T extends { readonly Name: string }>(columns: readonly T[], name: string): T | undefined {
  return columns.find((c) => c.Name === name) ?? columns.find((c) => c.Name.toLowerCase() === name.toLowerCase());
}
