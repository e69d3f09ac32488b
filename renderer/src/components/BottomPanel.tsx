// The bottom panel with its tabs: Problems, YAML, Logs, Terminal. Panels stay mounted so the editor keeps its place
// and the log keeps collecting while another tab is open.
import { useTranslation } from 'react-i18next';
import { countedProblems, useDiagnostics } from '../store/diagnostics';
import { useGraph } from '../store/document';
import { ProblemsPanel } from './ProblemsPanel';
import { LogPanel } from '../logs/LogPanel';
import { TerminalPanel } from '../terminal/TerminalPanel';
import { useRun } from '../run/store';
import { YamlEditor } from './YamlEditor';

import { panelTabs as tabs, usePanel } from './panel-tabs';

export function BottomPanel() {
  const { t } = useTranslation();
  const { tab, setTab } = usePanel();
  const all = useDiagnostics().all;
  const graph = useGraph();
  const count = countedProblems(all, graph).length;
  const snapshot = useRun((s) => s.snapshot);
  return (
    <section className="bottom-panel" aria-label={t('panel.label')}>
      <div role="tablist" className="tabs">
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
          {name === 'yaml' && <YamlEditor visible={tab === 'yaml'} />}
          {name === 'logs' && <LogPanel snapshot={snapshot} />}
          {name === 'terminal' && <TerminalPanel snapshot={snapshot} visible={tab === 'terminal'} />}
        </div>
      ))}
    </section>
  );
}
