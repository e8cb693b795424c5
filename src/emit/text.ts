/**
 * With `--keep-text`, the Markdown rebuilt from a PDF or Word note,
 * `<stem>.md`: what the record was read from (what `infonote text` prints).
 */
import type {NoteEmitter} from './emitter.js'

export const text: NoteEmitter = {
  name: 'text',
  scope: 'note',
  files: [
    {
      suffix: '.md',
      wanted: (options) => options.keepText,
      applies: (document) => document,
      content: (_, file) => (file?.data.rebuilt ? String(file.value) : undefined)
    }
  ]
}
