/**
 * Shelf audit checklist → score 0–100: facings against the target (30), price tag shown (20),
 * display position (25: eye level or end cap full marks, middle 15, bottom 5, not displayed 0),
 * product in stock on the shelf (25). Below the pass score the template routes to a corrective task.
 */
export const DISPLAY_POSITIONS = ['eye_level', 'end_cap', 'middle', 'bottom', 'not_displayed'] as const;
export type DisplayPosition = (typeof DISPLAY_POSITIONS)[number];

export interface Checklist {
  facings: number;
  priceTag: boolean;
  displayPosition: DisplayPosition;
  inStock: boolean;
}

export const DEFAULT_PASS_SCORE = 70;
export const DEFAULT_TARGET_FACINGS = 4;
const POSITION_POINTS: Record<DisplayPosition, number> = { eye_level: 25, end_cap: 25, middle: 15, bottom: 5, not_displayed: 0 };

export function scoreChecklist(c: Checklist, targetFacings = DEFAULT_TARGET_FACINGS): { score: number; issues: string[] } {
  const facings = Math.max(0, Math.floor(c.facings));
  const issues: string[] = [];
  if (facings < targetFacings) issues.push(`${facings} of ${targetFacings} facings`);
  if (!c.priceTag) issues.push('no price tag');
  if (POSITION_POINTS[c.displayPosition] < 25) issues.push(`display position: ${c.displayPosition.replace('_', ' ')}`);
  if (!c.inStock) issues.push('out of stock on the shelf');
  const score = 30 * Math.min(1, facings / Math.max(1, targetFacings)) + (c.priceTag ? 20 : 0) + POSITION_POINTS[c.displayPosition] + (c.inStock ? 25 : 0);
  return { score: Math.round(score), issues };
}
