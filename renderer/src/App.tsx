// The app's chrome: toolbar on top, palette left, canvas centre, inspector right, panel below, status bar.
import { useEffect } from 'react';
import { Toolbar } from './components/Toolbar';
import { Palette } from './components/Palette';
import { Canvas } from './components/Canvas';
import { Inspector } from './components/Inspector';
import { BottomPanel } from './components/BottomPanel';
import { StatusBar } from './components/StatusBar';
import { usePreferences } from './store/preferences';
import { useEngine } from './store/engine';

export function App() {
  const theme = usePreferences((s) => s.theme);
  const refresh = useEngine((s) => s.refresh);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        <Palette />
        <section className="centre">
          <Canvas />
          <BottomPanel />
        </section>
        <Inspector />
      </main>
      <StatusBar />
    </div>
  );
}
