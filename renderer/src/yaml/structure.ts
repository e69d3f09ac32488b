// Keeps a YAML syntax tree of the editor's text that is always parsed to the end in one go, for finding field paths.
// The editor's own tree (syntaxTree/ensureSyntaxTree) is parsed in time slices: when a slice runs out or a key arrives
// mid-parse, CodeMirror cuts the tree where the parser stood and later resumes from that cut tree, and @lezer/yaml
// then often nests the lines after the cut wrongly (a container's `volumeMounts` list swallowing the next containers),
// and every later edit reuses the wrong nodes. Fine for colouring, wrong for paths. This tree is only ever re-parsed
// from a complete tree of the previous text, which costs a few milliseconds per keystroke.
import { yamlLanguage } from '@codemirror/lang-yaml';
import { DocInput } from '@codemirror/language';
import { StateField, type ChangeDesc, type EditorState, type Text } from '@codemirror/state';
import { TreeFragment, type Tree } from '@lezer/common';

/**
 * A tree of `doc`, parsed when first asked for: from `base`'s tree and the changes made since (a base is always one
 * already parsed), or afresh without a base.
 */
class Structure {
  private parsed: Tree | undefined;
  constructor(
    private readonly doc: Text,
    private base?: { structure: Structure; changes: ChangeDesc },
  ) {}

  get tree(): Tree {
    if (!this.parsed) {
      const fragments = this.base ? reusable(this.base.structure.tree, this.base.changes) : [];
      this.parsed = yamlLanguage.parser.parse(new DocInput(this.doc), fragments);
      this.base = undefined; // so the trees of earlier texts are not kept alive in a chain
    }
    return this.parsed;
  }

  /** The structure after `changes`: based on this one once parsed, otherwise on this one's own base, if any. */
  next(doc: Text, changes: ChangeDesc): Structure {
    if (this.parsed) return new Structure(doc, { structure: this, changes });
    if (!this.base) return new Structure(doc);
    return new Structure(doc, { structure: this.base.structure, changes: this.base.changes.composeDesc(changes) });
  }
}

function reusable(tree: Tree, changes: ChangeDesc): readonly TreeFragment[] {
  const ranges: { fromA: number; toA: number; fromB: number; toB: number }[] = [];
  changes.iterChangedRanges((fromA, toA, fromB, toB) => ranges.push({ fromA, toA, fromB, toB }));
  return TreeFragment.applyChanges(TreeFragment.addTree(tree), ranges);
}

/** The editor extension that keeps the tree; without it, `yamlStructure` parses the whole text afresh each time. */
export const yamlStructureField = StateField.define<Structure>({
  create: (state) => new Structure(state.doc),
  update: (value, tr) => (tr.docChanged ? value.next(tr.state.doc, tr.changes.desc) : value),
});

/** The complete syntax tree of `state`'s text, never a cut or time-limited one. */
export function yamlStructure(state: EditorState): Tree {
  const field = state.field(yamlStructureField, false);
  return field ? field.tree : yamlLanguage.parser.parse(new DocInput(state.doc));
}
