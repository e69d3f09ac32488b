// The bottom panel with its tabs: Problems, YAML, Logs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const tabs = ['problems', 'yaml', 'logs'] as const;
type Tab = (typeof tabs)[number];
const emptyText: Record<Tab, string> = { problems: 'panel.noProblems', yaml: 'panel.noYaml', logs: 'panel.noLogs' };

export function BottomPanel() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('problems');
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
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        <p className="hint">{t(emptyText[tab])}</p>
      </div>
    </section>
  );
}
