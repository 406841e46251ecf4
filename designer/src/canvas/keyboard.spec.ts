import { shortcutFor } from './keyboard';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('designer shortcuts', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('c', { metaKey: true }), 'copy'],
    [key('v', { ctrlKey: true }), 'paste'],
    [key('Delete'), 'delete'],
    [key('Backspace'), 'delete'],
    [key('z'), null],
  ])('%j means %s', (e, action) => {
    expect(shortcutFor(e)).toBe(action);
  });
});
