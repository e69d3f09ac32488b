// The app's chrome: toolbar on top, palette left, canvas centre, inspector right, panel below, status bar.
import { Suspense, useEffect } from 'react';
import { Toolbar } from './components/Toolbar';
import { Palette } from './components/Palette';
import { Canvas } from './components/Canvas';
import { Inspector } from './components/inspector/Inspector';
import { BottomPanel } from './components/BottomPanel';
import { StatusBar } from './components/StatusBar';
import { Workspace } from './chrome/Workspace';
import { Dialogs } from './components/Dialogs';
import { useEngine } from './store/engine';
import { handleKeyDown } from './actions';
import { isDirty, useDocument } from './store/document';
import { startDraftKeeping } from './recovery/drafts';
import { RunBar } from './run/RunBar';
import { startRunWatch } from './run/store';
import { PresenterLayer } from './workshop/presenter/PresenterLayer';
import { useShownTheme } from './workshop/presenter/presenter';
import { useLessons } from './workshop/lessons/store';
import { useCapacity } from './workshop/capacity/store';
import { ContainersDialog } from './import/ContainersDialog';
import { useFileDrop } from './import/drop';
import { useImport } from './import/store';
import { later, laterComponent } from './lazy';
import { loadLaterWords } from './i18n';
import { checksPart } from './store/checks-part';

// The lessons and the node-capacity view load after the first screen (./lazy.ts), with their words, and are drawn only
// while open. A lesson's steps read the design's problems: the panel comes with the checks.
const lessons = later(
  async () =>
    (await Promise.all([import('./workshop/lessons/LessonPanel'), checksPart.load(), loadLaterWords('workshop')]))[0],
);
const LessonPanel = laterComponent(lessons, 'LessonPanel');
const capacity = later(
  async () => (await Promise.all([import('./workshop/capacity/CapacityView'), loadLaterWords('workshop')]))[0],
);
const CapacityView = laterComponent(capacity, 'CapacityView');
// The import dialog carries the Compose reader: it loads when a Compose file is first opened (or in idle time).
const importDialog = later(
  async () => (await Promise.all([import('./import/ImportDialog'), loadLaterWords('compose')]))[0],
);
const ImportDialog = laterComponent(importDialog, 'ImportDialog');

export function App() {
  // High contrast while presenting, else the user's theme.
  const theme = useShownTheme();
  const refresh = useEngine((s) => s.refresh);
  const lessonsOpen = useLessons((s) => s.open);
  const capacityOpen = useCapacity((s) => s.open);
  const importing = useImport((s) => s.source !== undefined);

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
    const stopDraftKeeping = startDraftKeeping();
    // The unsaved-changes guard for closing the tab or window.
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty(useDocument.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('keydown', handleKeyDown);
      window.removeEventListener('beforeunload', beforeUnload);
      stopDraftKeeping();
    };
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <RunBar />
      <Workspace palette={<Palette />} canvas={<Canvas />} bottom={<BottomPanel />} inspector={<Inspector />} />
      <StatusBar />
      <Dialogs />
      <PresenterLayer />
      {/* Both are overlays: they appear when loaded, and take no room before. */}
      <Suspense fallback={null}>
        {lessonsOpen && <LessonPanel />}
        {capacityOpen && <CapacityView />}
      </Suspense>
      <ContainersDialog />
      <Suspense fallback={null}>{importing && <ImportDialog />}</Suspense>
    </div>
  );
}
