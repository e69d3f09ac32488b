// The top bar: the app's name, the document actions from the registry, and the theme and language switches.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';
import { usePreferences } from '../store/preferences';
import { useDocument, useHistory, isDirty } from '../store/document';
import { actions } from '../actions';
import { ActionButton } from './ActionButton';
import { useWindowTitle } from '../files';
import { RecentMenu } from './files/RecentMenu';
import { WorkshopTools } from '../workshop/overlay/WorkshopTools';
import { ManifestMenu } from '../export/ManifestMenu';
import type { Theme } from '../store/preferences';

const toolbarActions = [
  'new',
  'open',
  'save',
  'saveAs',
  'examples',
  'undo',
  'redo',
  'delete',
  'duplicate',
  'autoLayout',
  'fitView',
  'commandPalette',
  'lessons',
];

function ActionButtons() {
  useHistory(); // re-render when undo/redo availability changes
  const state = useDocument();
  return (
    <div className="actions" role="group">
      {toolbarActions.map((id) => {
        const action = actions.find((a) => a.id === id)!;
        return (
          <Fragment key={id}>
            <ActionButton action={action} disabled={!action.enabled(state)} />
            {id === 'open' && <RecentMenu />}
          </Fragment>
        );
      })}
    </div>
  );
}

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const { theme, setTheme } = usePreferences();
  const fileName = useDocument((s) => s.fileName);
  const dirty = useDocument(isDirty);
  useWindowTitle();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="brand">
        <img src="./podwright.svg" alt="" width={22} height={22} />
        <strong>{t('app.name')}</strong>
        <span className="tagline" data-testid="document-title">
          {fileName ?? t('files.untitled')}
          {dirty ? ' •' : ''}
        </span>
      </div>
      <ActionButtons />
      <ManifestMenu />
      <WorkshopTools />
      <div className="spacer" />
      <label className="field">
        <span>{t('toolbar.theme')}</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} aria-label={t('toolbar.theme')}>
          <option value="light">{t('toolbar.themeLight')}</option>
          <option value="dark">{t('toolbar.themeDark')}</option>
          <option value="contrast">{t('presenter.themeContrast')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('toolbar.language')}</span>
        <select
          value={i18n.language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          aria-label={t('toolbar.language')}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
