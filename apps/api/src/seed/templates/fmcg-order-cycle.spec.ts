import { DOMAIN_ACTIVITY_NAMES } from '@orderpath/activities';
import { TIME_CATEGORIES, definitionSchema } from '@orderpath/workflows/definition/schema';
import { validateDefinition } from '@orderpath/workflows/definition/validate';
import fmcgOrderCycle from './fmcg-order-cycle.json';

const ctx = { activities: DOMAIN_ACTIVITY_NAMES, roles: ['rep', 'supervisor', 'admin'] };
const template = definitionSchema.parse(fmcgOrderCycle);

describe('the standard template fmcg-order-cycle', () => {
  it('passes validateDefinition with the domain activities and the three roles, without errors or warnings', () => {
    expect(validateDefinition(fmcgOrderCycle, ctx)).toEqual([]);
  });

  it('walks the five stages of the value chain, each with an SLA', () => {
    expect(template.stages.map((s) => s.id)).toEqual(['develop', 'place', 'fulfil', 'track', 'expand']);
    expect(template.stages.every((s) => s.sla)).toBe(true);
  });

  it('gives every user task a rep or supervisor role, a time-allocation category, a due date and a form', () => {
    const tasks = template.nodes.filter((n) => n.type === 'userTask');
    expect(tasks.length).toBeGreaterThanOrEqual(15);
    for (const t of tasks) {
      expect(['rep', 'supervisor']).toContain(t.role);
      expect(TIME_CATEGORIES).toContain(t.category);
      expect(t.dueIn).toBeDefined();
      expect(t.form?.fields.length).toBeGreaterThan(0);
    }
  });

  it('loops from Expand back to Place for the next cycle', () => {
    expect(template.edges).toContainEqual(expect.objectContaining({ source: 'next-cycle', target: 'plan-cycle', condition: 'vars.nextCycle' }));
  });
});
