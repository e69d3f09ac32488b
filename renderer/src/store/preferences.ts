// User preferences that outlive a session: the theme.
import { create } from 'zustand';

/** `contrast`: black on white with strong colours, for projectors (presenter mode always uses it). */
export type Theme = 'light' | 'dark' | 'contrast';
const THEME_KEY = 'podwright.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark' || saved === 'contrast') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface Preferences {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

export const usePreferences = create<Preferences>((set) => ({
  theme: initialTheme(),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
}));
