// The Terminal tab: a shell (or any command) in one container of the running Pod, in xterm.js over the exec API,
// with resize, copy (Ctrl+Shift+C or the button) and paste (Ctrl+Shift+V or the button).
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PodSnapshot } from '../../../shared/api/contract';
import { api } from '../api';
import { useDocument } from '../store/document';
import { usePreferences } from '../store/preferences';
import { parseCommand, TerminalSession } from './session';
import './terminal.css';

const themes = {
  light: { background: '#ffffff', foreground: '#1d232b', cursor: '#326ce5', selectionBackground: '#b6cdfb' },
  dark: { background: '#15191f', foreground: '#e6e9ee', cursor: '#6d9bff', selectionBackground: '#34507f' },
  contrast: { background: '#ffffff', foreground: '#000000', cursor: '#0033cc', selectionBackground: '#9bb5ff' },
};

type Status =
  | { kind: 'idle' }
  | { kind: 'connecting' | 'running'; container: string; command: string }
  | { kind: 'exited'; code: number | null }
  | { kind: 'failed'; reason: string };

export function TerminalPanel({ snapshot, visible }: { snapshot: PodSnapshot | undefined; visible: boolean }) {
  const { t } = useTranslation();
  const theme = usePreferences((s) => s.theme);
  const running = (snapshot?.containers ?? []).filter((c) => c.role !== 'infra' && c.state.state === 'running');
  const [chosen, setChosen] = useState('');
  // Until one is picked here, the terminal opens in the container selected on the canvas (what the user is looking at).
  const selectedOnCanvas = useDocument((s) =>
    s.selection.find((id) => id.startsWith('container:') && running.some((c) => `container:${c.name}` === id)),
  );
  const container = running.some((c) => c.name === chosen)
    ? chosen
    : (selectedOnCanvas?.slice('container:'.length) ?? running[0]?.name ?? '');
  // On a cluster, a Deployment's replicas are separate Pods: the terminal opens in the one chosen (issue 18).
  const replicas = (snapshot?.replicas ?? []).filter((r) => !r.terminating && r.containers.some((c) => c.name === container && c.state.state === 'running'));
  const [chosenReplica, setChosenReplica] = useState('');
  const replica = replicas.some((r) => r.name === chosenReplica) ? chosenReplica : (replicas[0]?.name ?? '');
  const [commandText, setCommandText] = useState('sh');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const screen = useRef<HTMLDivElement>(null);
  const term = useRef<{ terminal: Terminal; fit: FitAddon } | undefined>(undefined);
  const session = useRef<TerminalSession | undefined>(undefined);

  // One xterm for the panel's life; sessions come and go in it.
  useEffect(() => {
    const terminal = new Terminal({
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace",
      fontSize: 13,
      cursorBlink: true,
      convertEol: false,
      theme: themes[usePreferences.getState().theme],
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(screen.current!);
    terminal.onData((data) => session.current?.input(data));
    terminal.onResize(({ cols, rows }) => session.current?.resize(cols, rows));
    terminal.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
      if (e.code === 'KeyC') {
        const text = terminal.getSelection();
        if (text) void navigator.clipboard.writeText(text).catch(() => undefined);
        return false;
      }
      if (e.code === 'KeyV') {
        void navigator.clipboard
          .readText()
          .then((text) => terminal.paste(text))
          .catch(() => undefined);
        return false;
      }
      return true;
    });
    term.current = { terminal, fit };
    const observer = new ResizeObserver(() => {
      // A hidden tab has no size; fitting it would shrink the TTY to nothing.
      if (screen.current && screen.current.clientWidth > 0) fit.fit();
    });
    observer.observe(screen.current!);
    return () => {
      observer.disconnect();
      session.current?.close();
      session.current = undefined;
      terminal.dispose();
      term.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (term.current) term.current.terminal.options.theme = themes[theme];
  }, [theme]);

  useEffect(() => {
    if (visible && term.current && screen.current?.clientWidth) {
      term.current.fit.fit();
      term.current.terminal.focus();
    }
  }, [visible]);

  // The Pod went away: the session ended with it.
  const podGone = !snapshot;
  useEffect(() => {
    if (podGone && session.current) {
      session.current.close();
      session.current = undefined;
      setStatus((s) => (s.kind === 'running' || s.kind === 'connecting' ? { kind: 'exited', code: null } : s));
    }
  }, [podGone]);

  const start = (target = container): void => {
    const current = term.current;
    if (!current || !snapshot || !target) return;
    session.current?.close();
    const command = parseCommand(commandText);
    current.terminal.reset();
    if (screen.current?.clientWidth) current.fit.fit();
    setChosen(target); // a shell pins its container: a later click on the canvas does not move the picker off it
    setStatus({ kind: 'connecting', container: target, command: command.join(' ') });
    const started = new TerminalSession(
      api(),
      { pod: replica || snapshot.name, namespace: snapshot.namespace, container: target, command },
      { cols: current.terminal.cols, rows: current.terminal.rows },
      {
        output: (data) => {
          current.terminal.write(data);
          setStatus((s) => (s.kind === 'connecting' ? { ...s, kind: 'running' } : s));
        },
        ended: (result) => {
          if (session.current === started) session.current = undefined;
          setStatus('error' in result ? { kind: 'failed', reason: result.error } : { kind: 'exited', code: result.exitCode });
        },
      },
    );
    session.current = started;
    current.terminal.focus();
  };

  const stop = (): void => {
    session.current?.close();
    session.current = undefined;
    setStatus({ kind: 'exited', code: null });
  };

  const copy = (): void => {
    const text = term.current?.terminal.getSelection();
    if (text) void navigator.clipboard.writeText(text).catch(() => undefined);
  };
  const paste = (): void => {
    void navigator.clipboard
      .readText()
      .then((text) => term.current?.terminal.paste(text))
      .catch(() => undefined);
  };

  const active = status.kind === 'connecting' || status.kind === 'running';
  const statusText =
    status.kind === 'connecting'
      ? t('terminal.connecting', { container: status.container })
      : status.kind === 'running'
        ? t('terminal.running', { container: status.container, command: status.command })
        : status.kind === 'exited'
          ? status.code === null
            ? t('terminal.exitedUnknown')
            : t('terminal.exited', { code: status.code })
          : status.kind === 'failed'
            ? t('terminal.failed', { reason: status.reason })
            : running.length === 0
              ? t('terminal.notRunning')
              : '';

  return (
    <div className="terminal-panel">
      <form
        className="terminal-bar"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label>
          {t('terminal.container')}
          <select
            data-testid="terminal-container"
            value={container}
            onChange={(e) => {
              const next = e.target.value;
              setChosen(next);
              // Picking another container while a shell is open moves the shell there: no Reconnect needed.
              if (session.current) start(next);
            }}
            disabled={running.length === 0}
          >
            {running.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {replicas.length > 0 && (
          <label>
            {t('kube.replica')}
            <select data-testid="terminal-replica" value={replica} onChange={(e) => setChosenReplica(e.target.value)}>
              {replicas.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label title={t('terminal.commandHint')}>
          {t('terminal.command')}
          <input
            data-testid="terminal-command"
            value={commandText}
            onChange={(e) => setCommandText(e.target.value)}
            spellCheck={false}
          />
        </label>
        <button type="submit" className="log-tool" data-testid="terminal-start" disabled={!container}>
          {status.kind === 'idle' ? t('terminal.start') : t('terminal.reconnect')}
        </button>
        <button type="button" className="log-tool" onClick={stop} disabled={!active}>
          {t('terminal.end')}
        </button>
        <button type="button" className="log-tool" onClick={copy} title={t('terminal.pasteHint')}>
          {t('terminal.copy')}
        </button>
        <button type="button" className="log-tool" onClick={paste} title={t('terminal.pasteHint')}>
          {t('terminal.paste')}
        </button>
        <span className={`terminal-status ${status.kind}`} data-testid="terminal-status" aria-live="polite">
          {statusText}
        </span>
      </form>
      <div
        className="terminal-screen"
        ref={screen}
        data-testid="terminal-screen"
        onContextMenu={(e) => {
          // Right click copies a selection, else pastes, as terminals commonly do.
          e.preventDefault();
          if (term.current?.terminal.hasSelection()) copy();
          else paste();
        }}
        role="region"
        aria-label={t('terminal.screen', { container })}
      />
    </div>
  );
}
