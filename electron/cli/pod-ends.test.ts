// Each container's end once: from the log stream when it read the exit, else from the removal's report.
import { describe, expect, it } from 'vitest';
import { PodEnds } from './pod-ends';

describe('PodEnds', () => {
  it('prints from the report what the stream did not show, whichever came first, and nothing it did', () => {
    const ends = new PodEnds();
    ends.streamShowed('a'); // an earlier exit (before a restart): not the one the removal ends
    ends.removalStarted();
    ends.streamShowed('b'); // before the report
    ends.report({ step: 'stopped', container: 'a', exitCode: 137 }, true);
    ends.report({ step: 'stopped', container: 'b', exitCode: 137 }, true);
    ends.report({ step: 'stopped', container: 'c', exitCode: 0 }, false);
    ends.streamShowed('c'); // after the report
    expect(ends.missing()).toEqual([{ container: 'a', exitCode: 137 }]);
  });

  it('a container removed before its code could be read was killed when the user forced the stop, else is unknown', () => {
    const ends = new PodEnds();
    ends.removalStarted();
    ends.report({ step: 'stopped', container: 'forced' }, true);
    ends.report({ step: 'stopped', container: 'vanished' }, false);
    // The forced removal reports the same container again: the first word stands.
    ends.report({ step: 'stopped', container: 'forced', exitCode: 0 }, true);
    ends.report({ step: 'stopping', containers: ['x'], graceSeconds: 30 }, false);
    expect(ends.missing()).toEqual([{ container: 'forced', exitCode: 137 }]);
  });
});
