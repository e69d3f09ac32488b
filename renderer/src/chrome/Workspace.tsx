// The workspace's frame: palette, canvas with the bottom panel, inspector, with a splitter between each and the sizes
// from the panel layout store. The panels are passed in, so a resize redraws the frame and not the panels.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Splitter } from './Splitter';
import { usePanelLayout } from './panel-layout';
import './chrome.css';

/** A side panel's place: the panel itself, or, collapsed, a narrow strip with the button that brings it back. */
function SidePanel({ id, children }: { id: 'palette' | 'inspector'; children: ReactNode }) {
  const { t } = useTranslation();
  const collapsed = usePanelLayout((s) => s[id].collapsed);
  const toggle = () => usePanelLayout.getState().toggle(id);
  if (collapsed)
    return (
      <div className={`side-panel side-panel-${id} collapsed`} id={`panel-${id}`}>
        <button
          type="button"
          className="panel-expand"
          onClick={toggle}
          aria-expanded={false}
          aria-label={t(`chrome.show.${id}`)}
          title={t(`chrome.show.${id}`)}
          data-testid={`expand-${id}`}
        >
          <span aria-hidden="true">{id === 'palette' ? '»' : '«'}</span>
          <span className="panel-expand-name">{t(`chrome.panel.${id}`)}</span>
        </button>
      </div>
    );
  return (
    <div className={`side-panel side-panel-${id}`} id={`panel-${id}`}>
      {children}
      <button
        type="button"
        className="panel-collapse"
        onClick={toggle}
        aria-expanded={true}
        aria-label={t(`chrome.hide.${id}`)}
        title={t(`chrome.hide.${id}`)}
        data-testid={`collapse-${id}`}
      >
        <span aria-hidden="true">{id === 'palette' ? '«' : '»'}</span>
      </button>
    </div>
  );
}

const STRIP = 30;

function width(panel: { size: number; collapsed: boolean }): string {
  return `${panel.collapsed ? STRIP : panel.size}px`;
}

export function Workspace({
  palette,
  canvas,
  bottom,
  inspector,
}: {
  palette: ReactNode;
  canvas: ReactNode;
  bottom: ReactNode;
  inspector: ReactNode;
}) {
  const layout = usePanelLayout();
  const style = {
    '--palette-width': width(layout.palette),
    '--inspector-width': width(layout.inspector),
    '--bottom-height': layout.bottom.collapsed ? 'auto' : `${layout.bottom.size}px`,
  } as React.CSSProperties;
  return (
    <main className="workspace" style={style}>
      <SidePanel id="palette">{palette}</SidePanel>
      <Splitter panel="palette" />
      <section className="centre">
        {canvas}
        <Splitter panel="bottom" />
        {bottom}
      </section>
      <Splitter panel="inspector" />
      <SidePanel id="inspector">{inspector}</SidePanel>
    </main>
  );
}
