// Keyboard handling for the navigation, kept pure so it is unit-tested without a DOM.

/** Arrow/Home/End movement inside the nav list: the index to focus, or undefined when the key is not ours. */
export function nextNavIndex(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export interface ShortcutKeyEvent {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Alt+1..9 and Alt+0 (and Ctrl/Cmd+digit, which the Electron window gets but a browser tab may keep for itself)
 * open page 1..9 and 10. Uses `code` so Alt+digit works on macOS keyboards where Alt changes the produced character.
 */
export function shortcutPageIndex(e: ShortcutKeyEvent, count: number): number | undefined {
  if (e.shiftKey) return undefined;
  const modifiers = [e.altKey, e.ctrlKey, e.metaKey].filter(Boolean).length;
  if (modifiers !== 1) return undefined;
  const digit = /^Digit([0-9])$/.exec(e.code ?? '')?.[1] ?? (/^[0-9]$/.test(e.key) ? e.key : undefined);
  if (!digit) return undefined;
  const index = digit === '0' ? 9 : Number(digit) - 1;
  return index < count ? index : undefined;
}

/** Ctrl+K (Cmd+K on a Mac) opens "Go to anything", wherever the focus is. */
export function isGoToShortcut(e: ShortcutKeyEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k');
}

/** Where typing goes: "?" typed there is text, not the help sheet. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes((target.tagName ?? '').toUpperCase());
}

/** "?" (Shift+/ on most layouts) outside a text field opens the help sheet. */
export function isHelpKey(e: ShortcutKeyEvent, target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  return e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(target);
}
