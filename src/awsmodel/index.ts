export type { AwsModel, OperationModel, Shape, ShapeRef, ServiceName } from './model.ts';
export { BUNDLED_MODELS, findModelsDir, loadModel } from './load.ts';
export { validateOperationInput, validateShape, type Violation, type ViolationRule } from './validate.ts';
export { coralMessage } from './coral.ts';
