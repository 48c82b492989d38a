/** The parts of a botocore `service-2.json` model that trailsight reads. */
export interface ShapeRef {
  readonly shape: string;
  readonly location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  readonly locationName?: string;
}

export interface Shape {
  readonly type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob';
  readonly members?: Readonly<Record<string, ShapeRef>>;
  readonly required?: readonly string[];
  readonly member?: ShapeRef;
  readonly key?: ShapeRef;
  readonly value?: ShapeRef;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly union?: boolean;
  /**
   * A structure the API reference calls "a union type structure … only one of the attributes can be
   * defined" without the model's `union` trait (QuickSight's Visual, Filter, FilterScopeConfiguration,
   * CategoryFilterConfiguration …): at most one member may be set.
   */
  readonly onlyOneOf?: boolean;
  readonly document?: boolean;
  readonly exception?: boolean;
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean };
}

export interface OperationModel {
  readonly name: string;
  readonly http?: { readonly method: string; readonly requestUri: string; readonly responseCode?: number };
  readonly input?: ShapeRef;
  readonly output?: ShapeRef;
  readonly errors?: readonly ShapeRef[];
}

export interface AwsModel {
  readonly metadata: {
    readonly protocol: string;
    readonly targetPrefix?: string;
    readonly endpointPrefix: string;
    readonly serviceId?: string;
    readonly apiVersion: string;
  };
  readonly operations: Readonly<Record<string, OperationModel>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export type ServiceName = 'quicksight' | 'athena' | 'glue' | 'sts' | 'cloudtrail' | 's3' | 'iam';
