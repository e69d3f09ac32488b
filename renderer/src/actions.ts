// The one action registry: toolbar buttons, keyboard shortcuts and the command palette are all views of these.
import { create } from 'zustand';
import { addItem, paletteGroups, itemKey } from './canvas/items';
import { fitClear } from './canvas/fit-clear';
import { isDirty, useDocument, type DocumentState } from './store/document';
import { redoAndSay, undoAndSay } from './store/history-status';
import { downloadCopy, importFromComputer, newDocument, openFile, saveFile, saveFileAs } from './files';
import { usePanel } from './components/panel-tabs';
import i18n from './i18n';
import { duplicateCommand } from './canvas/clipboard';
import { escapeTakenBy } from './escape';
import { editingActions } from './canvas/editing-actions';
import { podActions } from './canvas/pod-actions';
import { runActions } from './run/actions';
import { workshopActions } from './workshop/overlay/actions';
import { lessonActions } from './workshop/lessons/actions';
import { importActions } from './import/actions';
import { workloadActions } from './workloads/actions';
import { manifestExportActions } from './export/actions';
import { deleteSelection } from './workloads/flow';
import { chromeActions } from './chrome/actions';
import type { MenuId } from './chrome/menus';

export interface Shortcut {
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export interface Action {
  id: string;
  /** i18n key of the label; `labelArgs` fill its placeholders. */
  label: string;
  labelArgs?: Record<string, string>;
  /** Placeholder values used as they are, not translated (a file name). */
  rawArgs?: Record<string, string>;
  shortcut?: Shortcut;
  /** Extra shortcuts for the same action (Ctrl+Y for redo, Backspace for delete). */
  alsoShortcuts?: Shortcut[];
  enabled: (state: DocumentState) => boolean;
  perform: () => void;
  /** i18n key of more words the command palette finds the action by (in the UI language and in English). */
  keywords?: string;
  /** Shown in the palette only; not on the toolbar. */
  paletteOnly?: boolean;
  /** The browser delivers this shortcut as a clipboard event (copy, cut, paste); its keydown is left alone. */
  clipboardEvent?: boolean;
  /** The menu bar's menu it is in; without it, chrome/menus.ts places it (by its id). */
  menu?: MenuId;
  /** For a toggle: whether it is on now (a check mark in the menu, aria-pressed on a button). */
  checked?: () => boolean;
}

/** UI state the actions open: the command palette and the examples gallery. */
export const useDialogs = create<{
  dialog: 'commands' | 'examples' | 'shortcuts' | undefined;
  open: (d: 'commands' | 'examples' | 'shortcuts' | undefined) => void;
}>((set) => ({ dialog: undefined, open: (dialog) => set({ dialog }) }));

const always = (): boolean => true;

export const actions: Action[] = [
  {
    id: 'new',
    label: 'action.new',
    enabled: always,
    perform: newDocument,
  },
  {
    id: 'open',
    label: 'action.open',
    shortcut: { key: 'o', mod: true },
    enabled: always,
    perform: () => void openFile(),
  },
  {
    id: 'save',
    label: 'action.save',
    shortcut: { key: 's', mod: true },
    enabled: always,
    perform: () => void saveFile(),
  },
  {
    id: 'saveAs',
    label: 'action.saveAs',
    shortcut: { key: 's', mod: true, shift: true },
    enabled: always,
    perform: () => void saveFileAs(),
  },
  // The browser's own upload and download, for moving a design between this computer and the back end's.
  { id: 'import', label: 'action.importLocal', enabled: always, perform: importFromComputer, paletteOnly: true },
  { id: 'download', label: 'action.download', enabled: always, perform: downloadCopy, paletteOnly: true },
  { id: 'examples', label: 'action.examples', enabled: always, perform: () => useDialogs.getState().open('examples') },
  {
    id: 'undo',
    label: 'action.undo',
    shortcut: { key: 'z', mod: true },
    enabled: () => useDocument.temporal.getState().pastStates.length > 0,
    perform: undoAndSay,
  },
  {
    id: 'redo',
    label: 'action.redo',
    shortcut: { key: 'z', mod: true, shift: true },
    alsoShortcuts: [{ key: 'y', mod: true }],
    enabled: () => useDocument.temporal.getState().futureStates.length > 0,
    perform: redoAndSay,
  },
  {
    id: 'delete',
    label: 'action.delete',
    shortcut: { key: 'Delete' },
    alsoShortcuts: [{ key: 'Backspace' }],
    enabled: (s) => s.selection.some((id) => id !== 'pod'),
    perform: () => {
      deleteSelection();
    },
  },
  {
    id: 'duplicate',
    label: 'action.duplicate',
    shortcut: { key: 'd', mod: true },
    enabled: (s) => s.selection.some((id) => id.startsWith('container:') || id.startsWith('volume:')),
    perform: duplicateCommand,
  },
  {
    id: 'fitView',
    label: 'action.fitView',
    shortcut: { key: 'f', shift: true },
    enabled: always,
    perform: () => void fitClear({ duration: 200 }),
  },
  {
    id: 'showYaml',
    label: 'action.showYaml',
    enabled: always,
    perform: () => usePanel.getState().setTab('yaml'),
    paletteOnly: true,
  },
  {
    id: 'showProblems',
    label: 'action.showProblems',
    enabled: always,
    perform: () => usePanel.getState().setTab('problems'),
    paletteOnly: true,
  },
  {
    id: 'commandPalette',
    label: 'action.commandPalette',
    shortcut: { key: 'k', mod: true },
    enabled: always,
    perform: () => useDialogs.getState().open('commands'),
  },
  {
    // The keyboard shortcut sheet: every shortcut of this registry, listed from it (components/ShortcutSheet.tsx).
    id: 'shortcuts',
    label: 'action.shortcuts',
    shortcut: { key: '/', mod: true },
    alsoShortcuts: [{ key: '?' }],
    enabled: always,
    perform: () => useDialogs.getState().open('shortcuts'),
  },
  ...editingActions,
  ...podActions,
  ...runActions,
  ...workshopActions,
  ...lessonActions,
  ...importActions,
  ...workloadActions,
  ...manifestExportActions,
  ...chromeActions,
  // Keyboard adding: every palette item is a command too.
  ...paletteGroups.flatMap((group) =>
    group.items.map<Action>((item) => ({
      id: `add.${itemKey(item)}`,
      label: 'action.add',
      labelArgs: { what: itemKey(item) },
      enabled: always,
      perform: () => void addItem(item),
      paletteOnly: true,
    })),
  ),
];

export function actionLabel(action: Action): string {
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.labelArgs ?? {})) args[k] = i18n.t(v);
  Object.assign(args, action.rawArgs);
  return i18n.t(action.label, args);
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const arrowGlyphs: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** Keys that are typed with or without Shift depending on the keyboard layout: they match either way. */
const shiftFree = new Set(['?']);

export function shortcutText(s: Shortcut | undefined): string {
  if (!s) return '';
  const parts: string[] = [];
  if (s.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (s.shift && !shiftFree.has(s.key)) parts.push(isMac ? '⇧' : 'Shift');
  parts.push(s.key.length === 1 ? s.key.toUpperCase() : (arrowGlyphs[s.key] ?? s.key));
  return parts.join(isMac ? '' : '+');
}

/** The shortcut in the form `aria-keyshortcuts` takes (Control+Shift+S, Meta+S), or undefined when there is none. */
export function ariaKeyShortcut(s: Shortcut | undefined): string | undefined {
  if (!s) return undefined;
  const parts: string[] = [];
  if (s.mod) parts.push(isMac ? 'Meta' : 'Control');
  if (s.shift && !shiftFree.has(s.key)) parts.push('Shift');
  parts.push(s.key.length === 1 ? s.key.toUpperCase() : s.key);
  return parts.join('+');
}

function matches(s: Shortcut, e: KeyboardEvent): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const shift = shiftFree.has(s.key) || !!s.shift === e.shiftKey;
  return e.key.toLowerCase() === s.key.toLowerCase() && !!s.mod === mod && shift && !e.altKey;
}

/** A field that takes typed keys: a text field, or a select (closed, or its list open, where an option has the key). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('select')
  );
}

const allowedWhileEditing = new Set(['undo', 'redo', 'save', 'saveAs', 'open', 'commandPalette']);

/** The keyboard side of the registry. In text fields only modifier shortcuts apply, so typing stays typing. */
export function handleKeyDown(e: KeyboardEvent): void {
  const editing = inTextField(e.target);
  for (const action of actions) {
    const shortcuts = [action.shortcut, ...(action.alsoShortcuts ?? [])].filter((s): s is Shortcut => s !== undefined);
    const hit = shortcuts.find((s) => matches(s, e));
    if (!hit) continue;
    if (action.clipboardEvent) return;
    // Function keys (F5 runs the Pod) type nothing, so they act in text fields too.
    const functionKey = /^F\d{1,2}$/.test(hit.key);
    if (editing && !functionKey && (!hit.mod || !allowedWhileEditing.has(action.id))) return;
    // Escape that closed a dialog, menu or popup is not also a shortcut (it would cancel a run as well).
    if (hit.key === 'Escape' && escapeTakenBy(e)) return;
    // Undo in a form field or the YAML editor is the document's undo: the editor has no history of its own.
    if (!action.enabled(useDocument.getState())) {
      if (hit.mod || functionKey) e.preventDefault();
      return;
    }
    e.preventDefault();
    action.perform();
    return;
  }
}

export { isDirty };

/** One line of the shortcut sheet: an action's label and every shortcut it has, as shown on keys. */
export interface ShortcutLine {
  id: string;
  label: string;
  keys: string[];
}

/** Every action of the registry that has a shortcut, in registry order: the shortcut sheet is a view of it. */
export function shortcutLines(list: readonly Action[] = actions): ShortcutLine[] {
  return list.flatMap((a) => {
    const keys = [a.shortcut, ...(a.alsoShortcuts ?? [])]
      .filter((s): s is Shortcut => s !== undefined)
      .map(shortcutText);
    return keys.length === 0 ? [] : [{ id: a.id, label: actionLabel(a), keys }];
  });
}
