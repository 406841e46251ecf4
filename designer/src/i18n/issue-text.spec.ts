import { VALIDATION_CODES, validateDefinition } from '@orderpath/workflows/definition/validate';
import { issueText } from './issue-text';

describe('issueText', () => {
  const [issue] = validateDefinition({
    key: 'k', name: 'k', stages: [],
    nodes: [{ id: 's', type: 'start' }, { id: 'g', type: 'exclusiveGateway' }, { id: 'a', type: 'end' }, { id: 'b', type: 'end' }],
    edges: [{ id: 'e0', source: 's', target: 'g' }, { id: 'e1', source: 'g', target: 'a', condition: 'vars.x > 1' }, { id: 'e2', source: 'g', target: 'b', condition: 'vars.x <= 1' }],
  }).filter((i) => i.code === 'gateway_no_default');

  it('given English, when asked, then the engine message is shown as it is', () => {
    expect(issueText('en', issue)).toEqual({ text: issue.message });
  });

  it('given Chinese, when asked, then the code is told in Chinese and the English message becomes the detail', () => {
    const { text, detail } = issueText('zh', issue);
    expect(text).toContain('排他网关');
    expect(detail).toBe(issue.message);
  });

  it('given Chinese, every validation code has its own sentence', () => {
    const texts = VALIDATION_CODES.map((code) => issueText('zh', { code, severity: 'error', message: code }).text);
    expect(texts.filter((text) => !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('given a code the designer does not know yet, the English message is kept', () => {
    expect(issueText('zh', { code: 'some_future_code', severity: 'warning', message: 'Future.' })).toEqual({ text: 'Future.' });
  });
});
