// Splits an engine stream of JSON lines (/events, pull progress) into whole lines, whatever the chunking.
import { StringDecoder } from 'node:string_decoder';

/** A `data` handler that calls `onLine` once per complete, non-empty line; a character split across chunks stays whole. */
export function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  return (chunk) => {
    buffered += decoder.write(chunk);
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onLine(line);
    }
  };
}
