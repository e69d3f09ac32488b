// The one reader's contract (shared/manifest/read.ts), as the Compose reader fills it in, and the Compose options the
// import dialog adds (its own grouping, the Compose file's folder).
import type { DesignSource } from '../read';

export type {
  DesignFormat,
  DesignNote,
  DesignObject,
  DesignPod,
  DesignRead,
  DesignSource,
  KubeObject,
  PodOrigin,
} from '../read';

export type ComposeReadOptions = NonNullable<DesignSource['compose']>;
