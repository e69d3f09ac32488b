// The right-hand inspector: the form for the selected Pod, container, volume, mount or namespace, checked inline by the
// rules. Each form lives in its own file and offers a view (views.ts); the first view that answers is shown.
import { useTranslation } from 'react-i18next';
import { graphOf, useDocument } from '../../store/document';
import { containerView } from './ContainerForm';
import { mountView } from './MountFields';
import { namespaceView } from './NamespaceInfo';
import { podView } from './PodForm';
import { serviceView } from './ServiceForm';
import { volumeView } from './VolumeForm';
import type { InspectorPanel, InspectorView } from './views';

/** Asked in order; a new kind of node adds its view here. */
const views: InspectorView[] = [podView, serviceView, containerView, volumeView, mountView, namespaceView];

export function Inspector() {
  const { t } = useTranslation();
  const selection = useDocument((s) => s.selection);
  const doc = useDocument((s) => s.doc);
  const graph = graphOf(doc);
  const id = selection.length === 1 ? selection[0]! : selection.length === 0 ? 'pod' : undefined;
  let panel: InspectorPanel | undefined;
  if (id === undefined) {
    panel = {
      title: t('inspector.title'),
      body: <p className="hint">{t('inspector.many', { count: selection.length })}</p>,
    };
  } else {
    for (const view of views) {
      panel = view({ id, doc, graph }, t);
      if (panel) break;
    }
    panel ??= { title: t('inspector.title'), body: <p className="hint">{t('inspector.nothing')}</p> };
  }
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      <h2>{panel.title}</h2>
      {panel.body}
    </aside>
  );
}
