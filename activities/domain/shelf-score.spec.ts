import { scoreChecklist } from './shelf-score';

describe('shelf audit score', () => {
  it('gives 100 to a perfect shelf', () => {
    expect(scoreChecklist({ facings: 6, priceTag: true, displayPosition: 'eye_level', inStock: true })).toEqual({ score: 100, issues: [] });
  });

  it('gives 0 to an empty, untagged, undisplayed shelf and lists every issue', () => {
    expect(scoreChecklist({ facings: 0, priceTag: false, displayPosition: 'not_displayed', inStock: false })).toEqual({
      score: 0, issues: ['0 of 4 facings', 'no price tag', 'display position: not displayed', 'out of stock on the shelf'],
    });
  });

  it('scores facings in proportion to the target and weights the position', () => {
    expect(scoreChecklist({ facings: 2, priceTag: true, displayPosition: 'bottom', inStock: true }).score).toBe(15 + 20 + 5 + 25);
    expect(scoreChecklist({ facings: 3, priceTag: true, displayPosition: 'middle', inStock: true }, 6).score).toBe(15 + 20 + 15 + 25);
  });
});
