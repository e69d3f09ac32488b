// The bottom panel with its tabs: Problems, YAML, Logs. Panels stay mounted so the editor keeps its place.
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { useDiagnostics } from '../store/document';
import { ProblemsPanel } from './ProblemsPanel';
import { YamlEditor } from './YamlEditor';

const tabs = ['problems', 'yaml', 'logs'] as const;
export type PanelTab = (typeof tabs)[number];

export const usePanel = create<{ tab: PanelTab; setTab: (tab: PanelTab) => void }>((set) => ({
  tab: 'problems',
  setTab: (tab) => set({ tab }),
}));

export function BottomPanel() {
  const { t } = useTranslation();
  const { tab, setTab } = usePanel();
  const count = useDiagnostics().all.length;
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
            {t(`panel.${name}`)}
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
          {name === 'logs' && <p className="hint">{t('panel.noLogs')}</p>}
        </div>
      ))}
    </section>
  );
}
