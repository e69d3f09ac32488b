// The toolbar's icons: 16-pixel line drawings in the text colour, one per registry action that has a toolbar button.
import type { ReactNode } from 'react';

const paths: Record<string, string> = {
  new: 'M4 1.5h5l3 3v10H4z M9 1.5v3h3 M8 7.5v4.5 M5.75 9.75h4.5',
  open: 'M1.5 3.5h4l1.5 1.5h7.5v8.5h-13z M1.5 7h13',
  recent: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z M8 4.5v3.75l2.5 1.5',
  save: 'M2.5 2.5h9l2 2v9h-11z M5 2.5v3.5h5V2.5 M5 13.5v-4h6v4',
  undo: 'M5.5 3.5l-3 3 3 3 M2.5 6.5H10a3.5 3.5 0 0 1 0 7H7',
  redo: 'M10.5 3.5l3 3-3 3 M13.5 6.5H6a3.5 3.5 0 0 0 0 7h3',
  fitView: 'M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4',
  autoLayout: 'M6 1.5h4v3H6z M1.5 11.5h4v3h-4z M10.5 11.5h4v3h-4z M8 4.5V8 M3.5 11.5V8h9v3.5',
  examples: 'M2 2h5v5H2z M9 2h5v5H9z M2 9h5v5H2z M9 9h5v5H9z',
  lessons: 'M8 4C6.5 2.8 4.5 2.5 1.5 2.5v10c3 0 5 .3 6.5 1.5 1.5-1.2 3.5-1.5 6.5-1.5v-10c-3 0-5 .3-6.5 1.5z M8 4v10',
  namespaces: 'M8 1.5l6.5 3.5L8 8.5 1.5 5z M1.5 8l6.5 3.5L14.5 8 M1.5 11l6.5 3.5 6.5-3.5',
  presenter: 'M1.5 2.5h13v9h-13z M8 11.5v3 M5 14.5h6 M6.5 4.75v4.5l3.75-2.25z',
  exportImage: 'M2 2.5h12v11H2z M2 11l3.5-3.5 3 3 2-2L14 12 M10.5 4.75a1.25 1.25 0 1 1 0 2.5 1.25 1.25 0 0 1 0-2.5z',
  commandPalette: 'M7 2.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9z M10.25 10.25L14 14',
};

export function hasIcon(id: string): boolean {
  return id in paths;
}

export function Icon({ id }: { id: string }): ReactNode {
  const d = paths[id];
  if (!d) return null;
  return (
    <svg
      className="icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
