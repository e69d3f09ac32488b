// What the inspector can show: each form file offers a view that answers for the selections it edits, so a new kind of
// node (a Service, say) gets its form by adding one file and one entry in Inspector.tsx's list.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { CanvasDocument, Graph } from '../../../../shared/design';

/** The one selected thing the inspector shows ('pod' for the Pod itself, else a node or edge id of the active Pod). */
export interface InspectorSubject {
  id: string;
  doc: CanvasDocument;
  graph: Graph;
}

export interface InspectorPanel {
  title: string;
  /** null when the selected thing is gone from the document (a render between a delete and the selection's reset). */
  body: ReactNode;
}

/** The panel for `subject` when this view edits it, else undefined (the next view is asked). Called while rendering. */
export type InspectorView = (subject: InspectorSubject, t: TFunction) => InspectorPanel | undefined;
