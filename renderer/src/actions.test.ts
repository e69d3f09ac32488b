// The keyboard side of the one action registry: the shortcut sheet lists every shortcut the registry has (and
// nothing else), and a select's open list is a field like any other (its type-ahead letters are not shortcuts, F5 is).
import { describe, expect, it, vi } from 'vitest';

const store = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
});
vi.stubGlobal('navigator', { language: 'en', platform: 'Linux x86_64' });
vi.stubGlobal('window', { matchMedia: () => ({ matches: false }), addEventListener: () => {} });

const { actions, shortcutLines, shortcutText } = await import('./actions');

describe('the shortcut sheet', () => {
  it('is every action of the registry that has a shortcut, with all of its shortcuts', () => {
    const lines = shortcutLines();
    const withShortcut = actions.filter((a) => a.shortcut || a.alsoShortcuts?.length);
    expect(lines.map((l) => l.id)).toEqual(withShortcut.map((a) => a.id));
    expect(lines.find((l) => l.id === 'run')).toEqual({ id: 'run', label: 'Run the Pod', keys: ['F5'] });
    expect(lines.find((l) => l.id === 'redo')?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(lines.find((l) => l.id === 'shortcuts')?.keys).toEqual(['Ctrl+/', '?']);
    // A new action with a shortcut shows up without anyone writing it into a list.
    const extra = { id: 'x', label: 'action.new', shortcut: { key: 'F9' }, enabled: () => true, perform: () => {} };
    expect(shortcutLines([extra]).map((l) => l.keys)).toEqual([['F9']]);
    expect(shortcutLines([{ ...extra, shortcut: undefined }])).toEqual([]);
  });

  it('says "?" without the Shift that some keyboards need for it', () => {
    expect(shortcutText({ key: '?', shift: true })).toBe('?');
    expect(shortcutText({ key: 'f', shift: true })).toBe('Shift+F');
  });
});
