// The pure pieces of "Go to anything" and the help sheet: the shortcut predicates and the recent items.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src/shared/search';
import { isGoToShortcut, isHelpKey } from '../../../src/renderer/src/shell/navKeys';
import { addRecent, parseRecents, RECENT_FINDS_MAX } from '../../../src/renderer/src/shell/recentFinds';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}, code?: string) => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcut keys', () => {
  it('Ctrl+K and Cmd+K open "Go to anything"; K alone or with Shift/Alt does not', () => {
    expect(isGoToShortcut(key('k', { ctrlKey: true }, 'KeyK'))).toBe(true);
    expect(isGoToShortcut(key('k', { metaKey: true }, 'KeyK'))).toBe(true);
    expect(isGoToShortcut(key('K', { ctrlKey: true }))).toBe(true);
    expect(isGoToShortcut(key('k', {}, 'KeyK'))).toBe(false);
    expect(isGoToShortcut(key('K', { ctrlKey: true, shiftKey: true }, 'KeyK'))).toBe(false);
    expect(isGoToShortcut(key('k', { ctrlKey: true, altKey: true }, 'KeyK'))).toBe(false);
  });

  it('"?" opens the help sheet, but not typed into a field or with Ctrl/Cmd', () => {
    expect(isHelpKey(key('?', { shiftKey: true }), { tagName: 'BODY' })).toBe(true);
    expect(isHelpKey(key('?', { shiftKey: true }), null)).toBe(true);
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(isHelpKey(key('?', { shiftKey: true }), { tagName })).toBe(false);
    expect(isHelpKey(key('?', { shiftKey: true }), { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(isHelpKey(key('?', { shiftKey: true, ctrlKey: true }), { tagName: 'BODY' })).toBe(false);
    expect(isHelpKey(key('/'), { tagName: 'BODY' })).toBe(false);
  });
});

const hit = (kind: SearchHit['kind'], id: string, yarnId?: string): SearchHit => ({
  kind,
  id,
  label: `${kind} ${id}`,
  detail: '',
  rank: 0,
  route: { page: 'yarn', params: yarnId ? { yarnId } : { yarnId: id } },
});

describe('recent items', () => {
  it('puts the newest first, once, and keeps the last 8', () => {
    let recents: SearchHit[] = [];
    for (let i = 1; i <= 10; i++) recents = addRecent(recents, hit('yarn', String(i)));
    expect(recents.map((r) => r.id)).toEqual(['10', '9', '8', '7', '6', '5', '4', '3']);
    expect(RECENT_FINDS_MAX).toBe(8);
    recents = addRecent(recents, hit('yarn', '6'));
    expect(recents.map((r) => r.id)).toEqual(['6', '10', '9', '8', '7', '5', '4', '3']);
    // the same id of another kind, and another line of the same PO, are other items
    recents = addRecent(addRecent(recents, hit('machine', '6')), hit('po', 'Y1', '4001'));
    recents = addRecent(recents, hit('po', 'Y1', '4002'));
    expect(recents.slice(0, 4).map((r) => `${r.kind}:${r.id}`)).toEqual(['po:Y1', 'po:Y1', 'machine:6', 'yarn:6']);
  });

  it('reads back what it stored and drops what does not parse', () => {
    const stored = JSON.stringify([hit('yarn', '1'), { kind: 'nonsense', id: 2 }, hit('knitOrder', 'K1')]);
    expect(parseRecents(stored).map((r) => r.id)).toEqual(['1', 'K1']);
    expect(parseRecents('not json')).toEqual([]);
    expect(parseRecents('{"a":1}')).toEqual([]);
    expect(parseRecents(null)).toEqual([]);
  });
});
