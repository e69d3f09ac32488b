// A container's own output as text: Docker's multiplexed frames undone, and the last lines of a failed container.
import type Docker from 'dockerode';

/** Splits Docker's multiplexed log stream (8-byte frame headers) into text; plain text passes through. */
export function demux(raw: Buffer): string {
  if (raw.length < 8 || raw[1] !== 0 || raw[2] !== 0 || raw[3] !== 0 || raw[0]! > 2) return raw.toString('utf8');
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= raw.length) {
    const size = raw.readUInt32BE(offset + 4);
    parts.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The last `lines` lines the container wrote (stdout and stderr), or '' when the engine cannot say. */
export async function lastLines(container: Docker.Container, lines = 20): Promise<string> {
  try {
    const raw = (await container.logs({
      stdout: true,
      stderr: true,
      tail: lines,
      follow: false,
    })) as unknown as Buffer;
    return demux(raw).trimEnd();
  } catch {
    return '';
  }
}
