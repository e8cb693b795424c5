/**
 * Stage 3: repaired tree. Each plugin undoes one conversion artifact and
 * leaves an info message per repair, as an audit trail.
 */
import type {Preset} from 'unified'
import superscriptFootnotes from './normalize/footnotes.js'
import repairLabelEmphasis from './normalize/label-emphasis.js'
import listItemHeading from './normalize/list-item-heading.js'

export const normalize: Preset = {
  // Headings first: moved footnotes name the section they were found in.
  plugins: [repairLabelEmphasis, listItemHeading, superscriptFootnotes]
}
