/**
 * Stage 4: record parts. Each plugin reads the repaired tree and writes its
 * part of the record onto `file.data`, noting where each value came from.
 */
import type {Preset} from 'unified'
import extractContacts from './extract/contacts.js'
import extractEvent from './extract/event.js'
import extractFootnotes from './extract/footnotes.js'
import extractHeader from './extract/header.js'
import extractLanguage from './extract/language.js'
import extractParticipants from './extract/participants.js'
import extractSections from './extract/sections.js'

export const extract: Preset = {
  // The header comes first: the others read its fields and skip its blocks.
  plugins: [
    extractHeader,
    extractEvent,
    extractParticipants,
    extractSections,
    extractFootnotes,
    extractContacts,
    extractLanguage
  ]
}
