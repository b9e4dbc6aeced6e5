// Undo and redo for what the user does to the canvas (remove, hide, pin, group, open a bundle). Our own
// small command stack rather than cytoscape-undo-redo: that extension records element snapshots of its
// own actions, while ours are moves on bundles and groups that must re-plan after each step, and a
// command that knows how to undo itself keeps that in one place. Pure: no cy here.

export interface Command {
  /** What the toolbar's tooltip names ("移除 王某某"). */
  label: string;
  run(): void;
  undo(): void;
}

export interface History {
  /** Runs the command and records it; anything undone before is no longer redoable. */
  push(cmd: Command): void;
  undo(): Command | null;
  redo(): Command | null;
  canUndo(): boolean;
  canRedo(): boolean;
  /** The next command undo would reverse, for the button's tooltip. */
  peekUndo(): Command | null;
  peekRedo(): Command | null;
  clear(): void;
}

/** At most this many steps are kept: a long session must not keep every removed element alive forever. */
export const HISTORY_DEPTH = 100;

export function createHistory(depth = HISTORY_DEPTH, onChange: () => void = () => {}): History {
  const done: Command[] = [];
  const undone: Command[] = [];
  return {
    push(cmd) {
      cmd.run();
      done.push(cmd);
      if (done.length > depth) done.shift();
      undone.length = 0;
      onChange();
    },
    undo() {
      const cmd = done.pop();
      if (!cmd) return null;
      cmd.undo();
      undone.push(cmd);
      onChange();
      return cmd;
    },
    redo() {
      const cmd = undone.pop();
      if (!cmd) return null;
      cmd.run();
      done.push(cmd);
      onChange();
      return cmd;
    },
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    peekUndo: () => done.at(-1) ?? null,
    peekRedo: () => undone.at(-1) ?? null,
    clear() {
      done.length = 0;
      undone.length = 0;
      onChange();
    },
  };
}

/** The shortcut a key event means: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo; null otherwise. Pure. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}
