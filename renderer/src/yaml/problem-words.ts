// The YAML reader's messages in plain words, in the user's language: the reader (the `yaml` library) speaks in its
// own terms ("Nested mappings are not allowed in compact mappings"); the common ones get a sentence saying what to fix.
import type { TFunction } from 'i18next';

/** The reader's message patterns, most common first; each names the key of its sentence in editing.yaml.says. */
const patterns: [RegExp, string][] = [
  [/^duplicate key "([^"]+)"/, 'duplicateKey'],
  [/^Nested mappings are not allowed in compact mappings/, 'nestedMapping'],
  [/^Implicit map keys need to be followed by map values/, 'keyWithoutValue'],
  [/^Implicit keys (of flow sequence pairs )?need to be on a single line/, 'keyOnOneLine'],
  [/^All mapping items must start at the same column/, 'keysNotAligned'],
  [/^All sequence items must start at the same column/, 'itemsNotAligned'],
  [/^Sequence item without - indicator/, 'itemWithoutDash'],
  [/^A block sequence may not be used as an implicit map key/, 'listAsKey'],
  [/^Tabs are not allowed as indentation/, 'tabs'],
  [/^Missing closing ("|')quote/, 'unclosedQuote'],
  [/^Missing , (or : )?between flow (sequence|map) items/, 'missingComma'],
  [/end with an? [\]}]$/, 'unclosedBracket'],
  [/^Missing space after : in flow/, 'spaceAfterColon'],
  [/^Comments must be separated from other tokens by white space/, 'commentSpace'],
  [/^Plain value cannot start with/, 'badStart'],
  [/^Unexpected .* at node end/, 'extraText'],
];

/** A sentence for the reader's `message`, or the message itself when it is not one of the common ones. */
export function yamlMessageInWords(t: TFunction, message: string): string {
  for (const [pattern, key] of patterns) {
    const m = pattern.exec(message);
    if (m) return t(`editing.yaml.says.${key}`, { key: m[1] ?? '' });
  }
  return message;
}
