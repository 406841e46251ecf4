import { type Definition, definitionSchema } from '@orderpath/workflows/definition/schema';
import { linearDefinition } from '@orderpath/workflows/definition/test-builders';
import { MAX_UNDO, createHistory, executeCommand, redo, undo } from './command-stack';
import { moveNodesCommand } from './commands/move-nodes.command';
import { replaceNodeCommand } from './commands/replace-node.command';
import { EditorStore } from './editor-store';

const chain = (): Definition => definitionSchema.parse(linearDefinition(4));
const move = (id: string, x: number) => moveNodesCommand([{ id, from: undefined, to: { x, y: 0 } }]);

describe('given a history over a four-node chain', () => {
  it('undo then redo walks back and forth through the commands', () => {
    let h = createHistory(chain());
    h = executeCommand(h, move('t1', 10));
    h = executeCommand(h, move('t2', 20));
    h = undo(h);
    expect(h.def.nodes[2].position).toBeUndefined();
    expect(h.def.nodes[1].position).toEqual({ x: 10, y: 0 });
    h = redo(h);
    expect(h.def.nodes[2].position).toEqual({ x: 20, y: 0 });
    h = undo(undo(h));
    expect(h.def).toEqual(chain());
  });

  it('a new command after an undo drops the redo branch', () => {
    let h = executeCommand(createHistory(chain()), move('t1', 10));
    h = executeCommand(undo(h), move('t2', 5));
    expect(h.future).toHaveLength(0);
    expect(redo(h)).toBe(h);
  });

  it('keeps at most MAX_UNDO steps', () => {
    let h = createHistory(chain());
    for (let i = 0; i < MAX_UNDO + 5; i++) h = executeCommand(h, move('t1', i));
    expect(h.past).toHaveLength(MAX_UNDO);
  });
});

describe('given an editor store', () => {
  it('typing into one field is one undo step, and a blur starts a new one', () => {
    const store = new EditorStore(chain());
    const t1 = () => store.def.nodes.find((n) => n.id === 't1')!;
    for (const name of ['A', 'Ab', 'Abc']) store.execute(replaceNodeCommand(t1(), { ...t1(), name }, 'name'));
    store.commitTyping();
    store.execute(replaceNodeCommand(t1(), { ...t1(), name: 'Abcd' }, 'name'));
    store.undo();
    expect(t1().name).toBe('Abc');
    store.undo();
    expect(t1().name).toBeUndefined();
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('is dirty after an edit and clean after markSaved', () => {
    const store = new EditorStore(chain());
    expect(store.getSnapshot().dirty).toBe(false);
    store.execute(move('t1', 3));
    expect(store.getSnapshot().dirty).toBe(true);
    store.markSaved();
    expect(store.getSnapshot().dirty).toBe(false);
  });

  it('notifies subscribers with a new snapshot on every change', () => {
    const store = new EditorStore(chain());
    const seen: number[] = [];
    const off = store.subscribe(() => seen.push(store.getSnapshot().revision));
    store.execute(move('t1', 3));
    store.undo();
    off();
    store.redo();
    expect(seen).toEqual([1, 2]);
  });
});
