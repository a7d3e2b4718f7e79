// Every keyboard shortcut of the app, as the help sheet ("?") lists them. The handlers live where the keys act
// (navKeys.ts, GoTo.tsx, DataGrid.tsx, the action log's undo); this list is what the planner reads.
export interface Shortcut {
  keys: string[];
  what: string;
  where: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Ctrl+K', '⌘K'], what: 'Go to anything: find a yarn, knit order, PO, style, supplier or machine', where: 'everywhere' },
  { keys: ['↑', '↓', 'Enter', 'Esc'], what: 'Move through the results, open one, close the box', where: 'Go to anything' },
  { keys: ['Alt+1 … Alt+9', 'Alt+0'], what: 'Open page 1 … 9 and 10 of the navigation (Ctrl/⌘+digit in the desktop app)', where: 'everywhere' },
  { keys: ['↑', '↓', 'Home', 'End'], what: 'Move between pages', where: 'navigation bar' },
  { keys: ['Ctrl+C', '⌘C'], what: 'Copy the focused cell, or the selected rows with their header', where: 'grids' },
  { keys: ['Ctrl+Z', '⌘Z'], what: 'Undo the last planner action (accept, edit, pin, override …)', where: 'everywhere but text fields' },
  { keys: ['?'], what: 'This sheet: shortcuts and the glossary', where: 'everywhere but text fields' },
  { keys: ['Esc'], what: 'Close a dialog or this sheet', where: 'dialogs' },
];
