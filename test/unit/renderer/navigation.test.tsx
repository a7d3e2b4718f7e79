// @vitest-environment jsdom
// Keyboard navigation: arrow keys inside the nav (roving focus), Alt/Ctrl+digit page shortcuts, hash routes.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { NavBar } from '../../../src/renderer/src/shell/NavBar';
import { nextNavIndex, shortcutPageIndex } from '../../../src/renderer/src/shell/navKeys';
import { asPageId, hrefFor, parseHash, parseHashParams, PAGES } from '../../../src/renderer/src/routes';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const key = (over: Partial<Parameters<typeof shortcutPageIndex>[0]>) => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...over,
});

describe('nav keys (pure)', () => {
  it('moves with arrows, wraps, and jumps with Home/End', () => {
    expect(nextNavIndex('ArrowDown', 0, 9)).toBe(1);
    expect(nextNavIndex('ArrowDown', 8, 9)).toBe(0);
    expect(nextNavIndex('ArrowUp', 0, 9)).toBe(8);
    expect(nextNavIndex('Home', 5, 9)).toBe(0);
    expect(nextNavIndex('End', 2, 9)).toBe(8);
    expect(nextNavIndex('a', 2, 9)).toBeUndefined();
  });

  it('maps exactly one modifier + digit to a page index', () => {
    expect(shortcutPageIndex(key({ altKey: true, key: '2', code: 'Digit2' }), 9)).toBe(1);
    expect(shortcutPageIndex(key({ ctrlKey: true, key: '9', code: 'Digit9' }), 9)).toBe(8);
    // macOS Option+1 produces '¡' but code stays Digit1
    expect(shortcutPageIndex(key({ altKey: true, key: '¡', code: 'Digit1' }), 9)).toBe(0);
    expect(shortcutPageIndex(key({ key: '2', code: 'Digit2' }), 9)).toBeUndefined();
    expect(shortcutPageIndex(key({ altKey: true, ctrlKey: true, key: '2', code: 'Digit2' }), 9)).toBeUndefined();
    expect(shortcutPageIndex(key({ altKey: true, shiftKey: true, key: '2', code: 'Digit2' }), 9)).toBeUndefined();
    // Alt+0 is the tenth page (when there is one)
    expect(shortcutPageIndex(key({ altKey: true, key: '0', code: 'Digit0' }), 9)).toBeUndefined();
    expect(shortcutPageIndex(key({ altKey: true, key: '0', code: 'Digit0' }), 10)).toBe(9);
  });

  it('parses hash routes and falls back to the dashboard', () => {
    expect(parseHash('#/yarn')).toBe('yarn');
    expect(parseHash('#/settings?x=1')).toBe('settings');
    expect(parseHash('')).toBe('dashboard');
    expect(parseHash('#/nope')).toBe('dashboard');
    expect(hrefFor('imports')).toBe('#/imports');
    expect(parseHash('#/scenarios?id=3')).toBe('scenarios');
  });

  it('reads and writes hash params (sorted, empty values dropped)', () => {
    expect(parseHashParams('#/yarn?yarnId=4001&risk=critical,high')).toEqual({ yarnId: '4001', risk: 'critical,high' });
    expect(parseHashParams('#/yarn')).toEqual({});
    expect(hrefFor('yarn', { yarnId: '4001', tab: '', risk: undefined })).toBe('#/yarn?yarnId=4001');
    expect(hrefFor('capacity', { workCenter: '10.34.22.F', week: '2026-11-16' })).toBe('#/capacity?week=2026-11-16&workCenter=10.34.22.F');
    expect(asPageId('purchasing')).toBe('purchasing');
    expect(asPageId('nope')).toBeUndefined();
  });

  it('lists Scenarios after Forecast', () => {
    const ids = PAGES.map((p) => p.id);
    expect(ids.indexOf('scenarios')).toBe(ids.indexOf('forecast') + 1);
  });
});

describe('<NavBar>', () => {
  it('has one tab stop (the current page) and arrow keys move focus between links', () => {
    const { getByTestId } = render(<NavBar current="yarn" appName="Beverly Knits Planner" />);
    const yarn = getByTestId('nav-yarn');
    expect(yarn.getAttribute('aria-current')).toBe('page');
    expect(yarn.tabIndex).toBe(0);
    expect(getByTestId('nav-dashboard').tabIndex).toBe(-1);
    yarn.focus();
    fireEvent.keyDown(yarn, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(getByTestId('nav-demand'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(getByTestId(`nav-${PAGES[PAGES.length - 1].id}`));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(getByTestId('nav-dashboard'));
  });

  it('Alt+digit opens the page by hash', () => {
    render(<NavBar current="dashboard" appName="Beverly Knits Planner" />);
    fireEvent.keyDown(window, { key: '8', code: 'Digit8', altKey: true });
    expect(window.location.hash).toBe('#/scenarios');
    fireEvent.keyDown(window, { key: '9', code: 'Digit9', altKey: true });
    expect(window.location.hash).toBe('#/imports');
    fireEvent.keyDown(window, { key: '0', code: 'Digit0', altKey: true });
    expect(window.location.hash).toBe('#/settings');
  });
});
