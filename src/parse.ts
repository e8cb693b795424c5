/** Stage 2: text → mdast, as CommonMark with GitHub's extensions. */
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import type {Preset} from 'unified'

export const parse: Preset = {plugins: [remarkParse, remarkGfm]}
