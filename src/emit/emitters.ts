/**
 * The outputs infonote knows, by the name `--emit` gives them. A new format
 * is one emitter file and one line here.
 */
import type {Emitter, NoteEmitter} from './emitter.js'
import {json} from './json.js'
import {jsonl} from './jsonl.js'
import {text} from './text.js'

/** The formats `--emit` chooses from, in the order they are listed. */
export const emitters: Record<string, Emitter> = {json, jsonl}

/** What `convert` writes without `--emit`. */
export const defaultEmit: readonly string[] = ['json', 'jsonl']

/** Emitters no `--emit` names, each turned on by its own option (`--keep-text`). */
export const sideEmitters: readonly NoteEmitter[] = [text]
