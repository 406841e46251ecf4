import { isTypingTarget, shortcutFor } from './keyboard';

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

describe('typing targets', () => {
  it('text inputs and text areas swallow shortcuts; checkboxes and the canvas do not', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
  });
});
