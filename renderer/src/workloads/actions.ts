// The workload actions for the one registry (renderer/src/actions.ts): wrap the active Pod in a Deployment and unwrap
// it, and export the active Pod as Deployment + Service (what is drawn), the wraps one undo step each. Adding a Service is the palette's (canvas/items.ts).
import type { Action } from '../actions';
import i18n from '../i18n';
import { defaultInfraImage } from '../../../shared/manifest';
import { exportFromDesign, unwrapDeployment, wrapInDeployment } from '../../../shared/design';
import { downloadText } from '../download';
import { designOf, useDocument } from '../store/document';
import { useNotice } from '../store/notice';
import './run-notice';

/** The active Pod's Deployment and the Services that select it, as one YAML file, the way `podwright export` writes it. */
export function exportDeploymentText(): { name: string; text: string } | undefined {
  const state = useDocument.getState();
  const name = state.doc.pod.metadata?.name;
  const result = exportFromDesign(designOf(state), {
    as: 'deployment',
    // The active Pod: by name when it has one, else the design's first (a nameless Pod is refused by the rules anyway).
    ...(typeof name === 'string' && name !== '' && { pod: name }),
    single: true,
    infraImage: defaultInfraImage,
    baseName: 'design',
  });
  if (!result.ok) return undefined;
  const file = result.files[0]!;
  return { name: file.name, text: file.text };
}

export const workloadActions: Action[] = [
  {
    id: 'wrapDeployment',
    label: 'workloads.action.wrap',
    enabled: (s) => !s.doc.workload,
    perform: () => useDocument.getState().change((doc) => wrapInDeployment(doc, 1)),
  },
  {
    id: 'unwrapDeployment',
    label: 'workloads.action.unwrap',
    enabled: (s) => s.doc.workload !== undefined,
    perform: () => useDocument.getState().change(unwrapDeployment),
  },
  {
    id: 'exportDeployment',
    label: 'workloads.action.export',
    enabled: () => true,
    perform: () => {
      const file = exportDeploymentText();
      if (!file) return;
      downloadText(file.text, file.name, 'application/yaml');
      const objects = (file.text.match(/^kind: /gm) ?? []).length;
      useNotice.getState().show(i18n.t('workloads.export.done', { file: file.name, count: objects }));
    },
  },
];
