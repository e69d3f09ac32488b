// The Compose input format of the one reader: Compose files (and running containers, through the same model) into
// Pod designs. Other rooms import from here.
export { readCompose, readComposeProject, mapDesign, isComposeText, type ComposeRead } from './read';
export { readContainers } from './containers';
export type {
  DesignRead,
  DesignSource,
  DesignPod,
  DesignObject,
  PodOrigin,
  DesignFormat,
  ComposeReadOptions,
} from './design-read';
export type { DesignNote, DesignProblem, SourceAt } from './report';
export type { Grouping, ServiceGroup, Tie, TieKind, PodsMode } from './group';
export type { ProjectModel, ServiceModel } from './model';
export { emptyService } from './model';
export { NOTE_TEXT, PROBLEM_TEXT, type NoteCode, type ProblemCode } from './catalogue';
export { sideFileKey } from './files';
