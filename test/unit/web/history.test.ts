import { describe, expect, it } from 'vitest';
import { createHistory, historyKey, type Command } from '../../../web/src/graph/history.js';

/** A command over a list, as the canvas's commands are over the graph. */
const adds = (list: string[], x: string): Command => ({
  label: `add ${x}`,
  run: () => list.push(x),
  undo: () => void list.splice(list.lastIndexOf(x), 1),
});

describe('command history', () => {
  it('undoes and redoes in order', () => {
    const list: string[] = [];
    const h = createHistory();
    h.push(adds(list, 'a'));
    h.push(adds(list, 'b'));
    expect(h.undo()?.label).toBe('add b');
    expect(list).toEqual(['a']);
    expect(h.undo()?.label).toBe('add a');
    expect(h.undo()).toBeNull();
    expect(list).toEqual([]);
    expect(h.redo()?.label).toBe('add a');
    expect(list).toEqual(['a']);
    expect(h.peekRedo()?.label).toBe('add b');
  });

  it('forgets what was undone once something new is done', () => {
    const list: string[] = [];
    const h = createHistory();
    h.push(adds(list, 'a'));
    h.undo();
    h.push(adds(list, 'c'));
    expect(h.canRedo()).toBe(false);
    expect(h.redo()).toBeNull();
    expect(list).toEqual(['c']);
  });

  it('keeps at most its depth of steps and tells whoever listens after each change', () => {
    const list: string[] = [];
    let changes = 0;
    const h = createHistory(2, () => changes++);
    for (const x of ['a', 'b', 'c']) h.push(adds(list, x));
    h.undo();
    h.undo();
    expect(h.canUndo()).toBe(false);
    expect(list).toEqual(['a']);
    expect(changes).toBe(5);
  });
});

describe('history shortcuts', () => {
  const key = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {}) =>
    historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

  it('reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo, ⌘ as Ctrl', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
  });

  it('leaves other keys alone', () => {
    expect(key('z')).toBeNull();
    expect(key('a', { ctrlKey: true })).toBeNull();
  });
});
