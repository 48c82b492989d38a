import type { Visual } from '@aws-sdk/client-quicksight';
import type { CheckedOf, VisualType } from './visual-type.ts';

/** `raw` → the QuickSight visual given, untouched (the gate checked it is one visual with the spec's id). */
export const raw: VisualType<CheckedOf<'raw'>> = {
  quicksight: '*',
  build: ({ spec }) => ({ visual: spec.visual as Visual }),
};
