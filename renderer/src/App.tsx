// The app's chrome: toolbar on top, palette left, canvas centre, inspector right, panel below, status bar.
import { useEffect } from 'react';
import { Toolbar } from './components/Toolbar';
import { Palette } from './components/Palette';
import { Canvas } from './components/Canvas';
import { Inspector } from './components/Inspector';
import { BottomPanel } from './components/BottomPanel';
import { StatusBar } from './components/StatusBar';
import { Dialogs } from './components/Dialogs';
import { useEngine } from './store/engine';
import { handleKeyDown } from './actions';
import { isDirty, useDocument } from './store/document';
import { startAutosave } from './files';
import { RunBar } from './run/RunBar';
import { startRunWatch } from './run/store';
import { PresenterLayer } from './workshop/presenter/PresenterLayer';
import { useShownTheme } from './workshop/presenter/presenter';
import { LessonPanel } from './workshop/lessons/LessonPanel';
import { CapacityView } from './workshop/capacity/CapacityView';
import { ImportDialog } from './import/ImportDialog';
import { ContainersDialog } from './import/ContainersDialog';
import { useFileDrop } from './import/drop';

export function App() {
  // High contrast while presenting, else the user's theme.
  const theme = useShownTheme();
  const refresh = useEngine((s) => s.refresh);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // One pod.status subscription for the app's life: live status on the canvas, leftovers, reconnects.
  useEffect(() => startRunWatch(), []);
  // A file dropped on the window opens (a Compose file through the import dialog).
  useFileDrop();

  useEffect(() => {
    window.addEventListener('keydown', handleKeyDown);
    const stopAutosave = startAutosave();
    // The unsaved-changes guard for closing the tab or window.
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty(useDocument.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('keydown', handleKeyDown);
      window.removeEventListener('beforeunload', beforeUnload);
      stopAutosave();
    };
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <RunBar />
      <main className="workspace">
        <Palette />
        <section className="centre">
          <Canvas />
          <BottomPanel />
        </section>
        <Inspector />
      </main>
      <StatusBar />
      <Dialogs />
      <PresenterLayer />
      <LessonPanel />
      <CapacityView />
      <ContainersDialog />
      <ImportDialog />
    </div>
  );
}
