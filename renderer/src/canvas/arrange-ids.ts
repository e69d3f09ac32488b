// The align and distribute actions, in the order the arrange bar shows them and the Edit menu lists them.
export const arrangeActionIds = [
  'alignLeft',
  'alignCentre',
  'alignRight',
  'alignTop',
  'alignMiddle',
  'alignBottom',
  'distributeHorizontal',
  'distributeVertical',
] as const;
export type ArrangeActionId = (typeof arrangeActionIds)[number];
