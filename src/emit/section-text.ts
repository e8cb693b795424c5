/**
 * A section as one readable text, for the outputs and the archive that
 * give a section one cell (CSV, JSON-LD, the archive's `sections.text`).
 */
import type {Item, Section} from '../generated/information-note.js'

/**
 * A section's paragraphs and items as readable text, or nothing when it has
 * neither: the paragraphs, one a block, then the items as one block of
 * `- ` lines, a nested item indented by two spaces a level; blocks are
 * separated by a blank line, lines by LF. The record keeps paragraphs and
 * items apart, without their order between them, so paragraphs come first.
 */
export function sectionText(section: Section): string | undefined {
  const blocks = [...section.paragraphs]
  if (section.items.length > 0) blocks.push(itemLines(section.items, '').join('\n'))
  return blocks.length > 0 ? blocks.join('\n\n') : undefined
}

function itemLines(items: readonly Item[], indent: string): string[] {
  return items.flatMap((item) => [`${indent}- ${item.text}`, ...itemLines(item.items ?? [], `${indent}  `)])
}
