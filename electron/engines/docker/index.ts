// The Docker/Podman engine's door: what the rest of the back end (API handlers, CLI, Electron shell) may use of it.
// The layers check refuses imports that reach past this file into the engine's rooms.
export { Engine } from './connection/engine';
export { defaultSocket, resolveEndpoint } from './connection/endpoint';
export { PodRuntime, type DownProgress, type PodSnapshot, type RunProgress } from './pod/pod-runtime';
export { PodError } from './pod/pod-errors';
export { downCommand } from './pod/pod-messages';
export { podHandlers } from './pod/pod-api';
export { infraImageSetting, newRunId } from './pod/run-settings';
export { streamPodLogs, type LogFlow, type PodLogEvent } from './logs/logs';
export { parseSince } from './logs/logs-parse';
export { execCapture, ExecSession, ExecSessions, type ExecOutput } from './exec/exec';
export { inspectContainers, listContainers } from './containers/containers';
