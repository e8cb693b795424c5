/**
 * The language of the note: the one most of its title, labels and section
 * titles are written in (English when they do not say).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {type Language, labelsOf} from '../labels.js'

const order: Language[] = ['en', 'es', 'fr']

export default function extractLanguage() {
  return (_: Root, file: VFile) => {
    const labels = labelsOf(file)
    const votes = new Map<Language, number>()
    const matches = [
      file.data.title === undefined ? undefined : labels.title(file.data.title),
      ...(file.data.header?.fields ?? []),
      ...(file.data.sections ?? []).map((section) => labels.section(section.title))
    ]
    for (const match of matches) {
      for (const language of match?.languages ?? []) votes.set(language, (votes.get(language) ?? 0) + 1)
    }
    // Ties go to the earlier language in `order`.
    file.data.language = order.reduce((best, language) =>
      (votes.get(language) ?? 0) > (votes.get(best) ?? 0) ? language : best
    )
  }
}
