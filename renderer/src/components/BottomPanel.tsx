// The bottom panel with its tabs: Problems, YAML, Logs, Terminal. Panels stay mounted so the editor keeps its place
// and the log keeps collecting while another tab is open.
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PodSnapshot } from '../../../shared/api/contract';
import { countedProblems, useDiagnostics } from '../store/diagnostics';
import { graphOf, useDocument, useGraph } from '../store/document';
import { BIG_DESIGN } from '../canvas/big-design';
import { ProblemsPanel } from './ProblemsPanel';
import { LogPanel } from '../logs/LogPanel';
import { useRun } from '../run/store';
import { later, laterComponent, useLoaded } from '../lazy';
import { checksPart } from '../store/checks-part';
import { panelTabs as tabs, usePanel, type PanelTab } from './panel-tabs';
import { usePanelLayout } from '../chrome/panel-layout';

// The YAML editor (CodeMirror) and the terminal (xterm) load after the first screen (../lazy.ts). Each is mounted once
// it has loaded or its tab is opened, and stays mounted, except that the YAML editor of a big design is mounted only
// while its tab is open: hidden, it would still follow every change of thousands of containers.
// The editor lints with the design's checks: it comes with them.
const yamlEditor = later(async () => (await Promise.all([import('./YamlEditor'), checksPart.load()]))[0]);
const YamlEditor = laterComponent<{ visible: boolean }>(yamlEditor, 'YamlEditor');
const terminalPanel = later(() => import('../terminal/TerminalPanel'));
const TerminalPanel = laterComponent<{ snapshot: PodSnapshot | undefined; visible: boolean }>(
  terminalPanel,
  'TerminalPanel',
);

/** Fills the tab while its panel loads, so nothing moves when it arrives. */
function PanelLoading() {
  const { t } = useTranslation();
  return (
    <p className="panel-loading" role="status">
      {t('later.loading')}
    </p>
  );
}

export function BottomPanel() {
  const { t } = useTranslation();
  const { tab, setTab } = usePanel();
  const all = useDiagnostics().all;
  const graph = useGraph();
  const count = countedProblems(all, graph).length;
  const snapshot = useRun((s) => s.snapshot);
  const big = useDocument((s) => graphOf(s.doc).nodes.length > BIG_DESIGN);
  const [opened, setOpened] = useState<ReadonlySet<PanelTab>>(() => new Set([tab]));
  if (!opened.has(tab)) setOpened(new Set([...opened, tab]));
  const yamlLoaded = useLoaded(yamlEditor);
  const terminalLoaded = useLoaded(terminalPanel);
  const yamlMounted = tab === 'yaml' || (!big && (opened.has('yaml') || yamlLoaded));
  const terminalMounted = opened.has('terminal') || terminalLoaded || tab === 'terminal';
  const collapsed = usePanelLayout((s) => s.bottom.collapsed);
  return (
    <section
      className={collapsed ? 'bottom-panel collapsed' : 'bottom-panel'}
      aria-label={t('panel.label')}
      id="panel-bottom"
    >
      <div className="tabs">
        <div role="tablist" className="tab-list">
          {tabs.map((name) => (
            <button
              key={name}
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`tabpanel-${name}`}
              className={tab === name ? 'tab active' : 'tab'}
              onClick={() => setTab(name)}
            >
              {name === 'terminal' ? t('terminal.tab') : t(`panel.${name}`)}
              {name === 'problems' && count > 0 && (
                <span className="tab-count" aria-hidden="true">
                  {count}
                </span>
              )}
            </button>
          ))}
        </div>
        <div className="tabs-end">
          <button
            type="button"
            className="panel-toggle"
            onClick={() => usePanelLayout.getState().toggle('bottom')}
            aria-expanded={!collapsed}
            aria-label={t(collapsed ? 'chrome.show.bottom' : 'chrome.hide.bottom')}
            title={t(collapsed ? 'chrome.show.bottom' : 'chrome.hide.bottom')}
            data-testid="toggle-bottom"
          >
            <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
          </button>
        </div>
      </div>
      {tabs.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`tabpanel-${name}`}
          aria-labelledby={`tab-${name}`}
          className="tab-body"
          hidden={tab !== name}
        >
          {name === 'problems' && <ProblemsPanel />}
          {name === 'yaml' && yamlMounted && (
            <Suspense fallback={<PanelLoading />}>
              <YamlEditor visible={tab === 'yaml'} />
            </Suspense>
          )}
          {name === 'logs' && <LogPanel snapshot={snapshot} visible={tab === 'logs'} />}
          {name === 'terminal' && terminalMounted && (
            <Suspense fallback={<PanelLoading />}>
              <TerminalPanel snapshot={snapshot} visible={tab === 'terminal'} />
            </Suspense>
          )}
        </div>
      ))}
    </section>
  );
}
