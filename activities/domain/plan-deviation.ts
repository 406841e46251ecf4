/**
 * The override rule of demand plans: an agreed quantity that deviates from the suggestion by
 * more than 20 % (|agreed − suggested| > 0.2 · suggested; any quantity against a suggestion of
 * 0) needs a reason. The template checks it before the task closes; agreeDemandPlan enforces it.
 */
export const MAX_DEVIATION_WITHOUT_REASON = 0.2;

export interface AgreedLine {
  sku: string;
  suggestedQty: number;
  agreedQty: number;
  overrideReason?: string | null;
}

export function needsReason(line: Pick<AgreedLine, 'suggestedQty' | 'agreedQty'>): boolean {
  return Math.abs(line.agreedQty - line.suggestedQty) > MAX_DEVIATION_WITHOUT_REASON * line.suggestedQty;
}

/** Deviation as a share of the suggestion; null when the suggestion is 0. */
export function deviationShare(line: Pick<AgreedLine, 'suggestedQty' | 'agreedQty'>): number | null {
  return line.suggestedQty === 0 ? null : (line.agreedQty - line.suggestedQty) / line.suggestedQty;
}

/** Lines that deviate beyond the limit without a (non-blank) reason. */
export function missingReasons(lines: AgreedLine[]): AgreedLine[] {
  return lines.filter((l) => needsReason(l) && !(typeof l.overrideReason === 'string' && l.overrideReason.trim() !== ''));
}
