/**
 * Stage 3: repaired tree. Each plugin undoes one conversion artifact and
 * leaves an info message per repair, as an audit trail.
 */
import type {Preset} from 'unified'
import footnotes from './normalize/footnotes.js'
import repairLabelEmphasis from './normalize/label-emphasis.js'
import lazyListItems from './normalize/lazy-list-items.js'
import listItemHeading from './normalize/list-item-heading.js'
import paragraphHeading from './normalize/paragraph-heading.js'
import titleLine from './normalize/title-line.js'

export const normalize: Preset = {
  // Glued lines are split before labels are read; headings come before
  // footnotes, which name the section they were moved out of.
  plugins: [lazyListItems, titleLine, repairLabelEmphasis, listItemHeading, paragraphHeading, footnotes]
}
