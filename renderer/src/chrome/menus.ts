// Which menu of the menu bar each registry action is in, and in what order: the menus are a view of the registry, so
// an action added there appears in a menu without an edit here (its own `menu`, else a guess from its id).
import type { Action } from '../actions';
import { arrangeActionIds } from '../canvas/arrange-ids';

export const menuIds = ['file', 'edit', 'view', 'pod', 'run', 'workshop', 'help'] as const;
export type MenuId = (typeof menuIds)[number];

/** The known actions of each menu in order; '-' is a separator. */
const order: Record<MenuId, string[]> = {
  file: ['new', 'open', 'examples', 'newFromContainers', '-', 'save', 'saveAs', '-', 'import', 'download'],
  edit: ['undo', 'redo', '-', 'cut', 'copy', 'paste', 'duplicate', 'delete', '-', 'autoLayout', ...arrangeActionIds],
  view: [
    'fitView',
    '-',
    'togglePalette',
    'toggleInspector',
    'toggleBottom',
    'toggleMinimap',
    '-',
    'showYaml',
    'showProblems',
  ],
  pod: ['addPod', 'deletePod', 'previousPod', 'nextPod', '-', 'wrapDeployment', 'unwrapDeployment'],
  run: ['run', 'cancel', 'stop', 'stopNow', 'down', 'restart'],
  workshop: ['lessons', 'namespaces', 'presenter', 'nodeCapacity'],
  help: ['commandPalette'],
};

const known = new Map<string, MenuId>();
for (const menu of menuIds) for (const id of order[menu]) if (id !== '-') known.set(id, menu);

/** For actions this file does not list: a word of the id says where it belongs; the rest go to View. */
const guesses: [RegExp, MenuId][] = [
  [/shortcut|help|about|keyboard/i, 'help'],
  [/^exportImage/i, 'workshop'],
  [/export|import|save|open|download|file|clipboard|manifest|compose/i, 'file'],
  [/undo|redo|cut|copy|paste|delete|duplicate|align|distribute|select/i, 'edit'],
  [/run|stop|down|restart|cancel|engine|logs?$|exec|terminal/i, 'run'],
  [/pod|deploy|service|wrap|workload/i, 'pod'],
  [/lesson|present|workshop|capacity|overlay|namespace/i, 'workshop'],
];

export function menuOf(action: Action): MenuId {
  if (action.menu) return action.menu;
  const listed = known.get(action.id);
  if (listed) return listed;
  return guesses.find(([pattern]) => pattern.test(action.id))?.[1] ?? 'view';
}

/** Actions that are not menu commands: adding a palette item (the palette and the command palette hold those). */
function inMenus(action: Action): boolean {
  return !action.id.startsWith('add.');
}

export type MenuEntry = Action | '-';

/** The entries of `menu`: its listed actions in order, then the others of the registry in registry order. */
export function menuEntries(menu: MenuId, all: readonly Action[]): MenuEntry[] {
  const mine = all.filter((a) => inMenus(a) && menuOf(a) === menu);
  const byId = new Map(mine.map((a) => [a.id, a]));
  const out: MenuEntry[] = [];
  for (const id of order[menu]) {
    if (id === '-') out.push('-');
    else {
      const action = byId.get(id);
      if (action) out.push(action);
    }
  }
  const rest = mine.filter((a) => !order[menu].includes(a.id));
  if (rest.length > 0) out.push('-', ...rest);
  // No separator first, last or twice in a row (a listed action may be missing).
  return out.filter((e, i, list) => e !== '-' || (i > 0 && i < list.length - 1 && list[i - 1] !== '-'));
}
