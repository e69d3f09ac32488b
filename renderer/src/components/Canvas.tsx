// The Pod canvas (React Flow). Empty in the foundation; nodes are derived from the Pod document later.
import { Background, Controls, MiniMap, ReactFlow, type ColorMode } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../store/preferences';

export function Canvas() {
  const { t } = useTranslation();
  const theme = usePreferences((s) => s.theme);
  return (
    <div className="canvas" aria-label={t('canvas.label')} role="region">
      <ReactFlow nodes={[]} edges={[]} colorMode={theme as ColorMode} fitView proOptions={{ hideAttribution: true }}>
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls />
      </ReactFlow>
      <p className="canvas-empty">{t('canvas.empty')}</p>
    </div>
  );
}
