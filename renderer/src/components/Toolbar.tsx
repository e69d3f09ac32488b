// The top bar, one row: the document's name, the menu bar (every command of the registry), icon buttons for the
// commands used most (grouped, with their names and shortcuts as tooltips), and the theme and language switches.
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';
import { usePreferences } from '../store/preferences';
import { useDocument, useHistory, isDirty } from '../store/document';
import { actions } from '../actions';
import { ActionButton } from './ActionButton';
import { useWindowTitle } from '../files';
import { RecentMenu } from './files/RecentMenu';
import { ExportMenu } from '../workshop/export/ExportMenu';
import { useNamespaceOverlay } from '../workshop/overlay/store';
import { useLessons } from '../workshop/lessons/store';
import { MenuBar } from '../chrome/MenuBar';
import { Icon } from '../chrome/icons';
import type { Theme } from '../store/preferences';

/** The icon groups: registry ids, and the two menus that sit among them (recent files, image export). */
const groups: { name: string; items: string[] }[] = [
  { name: 'file', items: ['new', 'open', 'recent', 'save'] },
  { name: 'history', items: ['undo', 'redo'] },
  { name: 'view', items: ['fitView', 'autoLayout'] },
  { name: 'workshop', items: ['examples', 'lessons', 'namespaces', 'presenter', 'exportImage'] },
  { name: 'commands', items: ['commandPalette'] },
];

const testIds: Record<string, string> = { namespaces: 'toggle-namespaces', presenter: 'enter-presenter' };

function IconGroups() {
  const { t } = useTranslation();
  useHistory(); // re-render when undo/redo availability changes
  const state = useDocument();
  // The toggles show whether they are on.
  useNamespaceOverlay((s) => s.on);
  useLessons((s) => s.open);
  return (
    <>
      {groups.map((group) => (
        <div key={group.name} className="actions" role="group" aria-label={t(`chrome.groups.${group.name}`)}>
          {group.items.map((id) => {
            if (id === 'recent') return <RecentMenu key={id} />;
            if (id === 'exportImage') return <ExportMenu key={id} />;
            const action = actions.find((a) => a.id === id);
            if (!action) return null;
            return (
              <ActionButton
                key={id}
                action={action}
                className="icon-button"
                disabled={!action.enabled(state)}
                pressed={action.checked?.()}
                testId={testIds[id]}
              >
                <Icon id={id} />
              </ActionButton>
            );
          })}
        </div>
      ))}
    </>
  );
}

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const { theme, setTheme } = usePreferences();
  const fileName = useDocument((s) => s.fileName);
  const dirty = useDocument(isDirty);
  useWindowTitle();
  const title = `${fileName ?? t('files.untitled')}${dirty ? ' •' : ''}`;
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="brand" title={`${t('app.name')} — ${title}`}>
        <img src="./podwright.svg" alt={t('app.name')} width={20} height={20} />
        <span className="tagline" data-testid="document-title">
          {title}
        </span>
      </div>
      <MenuBar />
      <IconGroups />
      <div className="spacer" />
      <select
        className="compact-select"
        value={theme}
        onChange={(e) => setTheme(e.target.value as Theme)}
        aria-label={t('toolbar.theme')}
        title={t('toolbar.theme')}
      >
        <option value="light">{t('toolbar.themeLight')}</option>
        <option value="dark">{t('toolbar.themeDark')}</option>
        <option value="contrast">{t('presenter.themeContrast')}</option>
      </select>
      <select
        className="compact-select"
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        aria-label={t('toolbar.language')}
        title={t('toolbar.language')}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </header>
  );
}
