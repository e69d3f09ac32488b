// The Pod inspector's "share one process namespace" switch (spec.shareProcessNamespace), which workshops flip live.
import { useTranslation } from 'react-i18next';
import type { CanvasDocument } from '../../../../shared/design';
import type { Pod } from '../../../../shared/model/pod';
import { useDocument } from '../../store/document';

function setShared(doc: CanvasDocument, on: boolean): CanvasDocument {
  const spec = { ...doc.pod.spec };
  if (on) spec.shareProcessNamespace = true;
  else delete spec.shareProcessNamespace;
  // Either way no partial PID namespace remains on the canvas: all or none, as Kubernetes has it.
  return { ...doc, pod: { ...doc.pod, spec }, pidJoins: null };
}

export function PodSharingField({ pod }: { pod: Pod }) {
  const { t } = useTranslation();
  return (
    <label className="check" title={t('nsOverlay.inspector.shareProcessNamespaceHint')}>
      <input
        type="checkbox"
        data-path="spec.shareProcessNamespace"
        checked={pod.spec?.shareProcessNamespace === true}
        onChange={(e) => {
          const on = e.target.checked;
          useDocument.getState().change((doc) => setShared(doc, on));
        }}
      />
      {t('nsOverlay.inspector.shareProcessNamespace')}
    </label>
  );
}
