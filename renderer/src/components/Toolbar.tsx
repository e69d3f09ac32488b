// The top bar: the app's name, and the theme and language switches.
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';
import { usePreferences } from '../store/preferences';

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const { theme, setTheme } = usePreferences();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="brand">
        <img src="./podwright.svg" alt="" width={22} height={22} />
        <strong>{t('app.name')}</strong>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <div className="spacer" />
      <label className="field">
        <span>{t('toolbar.theme')}</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as 'light' | 'dark')} aria-label={t('toolbar.theme')}>
          <option value="light">{t('toolbar.themeLight')}</option>
          <option value="dark">{t('toolbar.themeDark')}</option>
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
