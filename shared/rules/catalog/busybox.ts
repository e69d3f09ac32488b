// The image quick fixes write: a tagged busybox. An untagged `busybox` means :latest, which Kubernetes pulls Always
// (a pull on every start, failing offline) and which changes under the design; 1.36 is the tag the examples use.
export const BUSYBOX = 'busybox:1.36';
