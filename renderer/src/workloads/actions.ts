// The workload actions for the one registry (renderer/src/actions.ts): wrap the active Pod in a Deployment and unwrap
// it, and export the active Pod as Deployment + Service (what is drawn), the wraps one undo step each. Adding a Service is the palette's (canvas/items.ts).
import type { Action } from '../actions';
import i18n from '../i18n';
import { defaultInfraImage } from '../../../shared/manifest';
import {
  exportDesignText,
  ExportRefused,
  unwrapDeployment,
  wrapInDeployment,
  writeDesign,
} from '../../../shared/design';
import { downloadText } from '../download';
import { designOf, useDocument } from '../store/document';
import { useNotice } from '../store/notice';
import './run-notice';

/**
 * The active Pod's Deployment and the Services that select it, as one YAML file: the design's text as it would be
 * saved, exported by the one export `podwright export --as deployment` uses, so both write the same text. An export
 * Kubernetes would refuse comes back as the number of problems that refuse it.
 */
export function exportDeploymentText(): { name: string; text: string } | { refused: number } {
  const state = useDocument.getState();
  const name = state.doc.pod.metadata?.name;
  try {
    const result = exportDesignText(writeDesign(designOf(state)), state.fileName ?? 'the design', {
      as: 'deployment',
      // The active Pod, by its name (a nameless Pod is refused by the rules anyway).
      ...(typeof name === 'string' && name !== '' && { pod: name }),
      single: true,
      infraImage: defaultInfraImage,
    });
    const file = result.files[0]!;
    return { name: file.name, text: file.text };
  } catch (err) {
    if (err instanceof ExportRefused) return { refused: Math.max(1, err.problems.length) };
    throw err;
  }
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
      if ('refused' in file) {
        useNotice.getState().show(i18n.t('workloads.export.refused', { count: file.refused }));
        return;
      }
      downloadText(file.text, file.name, 'application/yaml');
      const objects = (file.text.match(/^kind: /gm) ?? []).length;
      useNotice.getState().show(i18n.t('workloads.export.done', { file: file.name, count: objects }));
    },
  },
];
