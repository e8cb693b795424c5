/**
 * The report's script, inline: it sorts and filters the table, moves
 * through notes and messages with the keyboard, and highlights the source
 * range of a chosen value. It reads the page and never writes note text
 * as HTML (only `textContent`, classes and attributes), so nothing in a
 * note can become markup. Written for the browser, as plain JavaScript.
 */
export const script = `
(() => {
  'use strict'
  const table = document.getElementById('table')
  const body = table.tBodies[0]
  const heads = Array.from(table.tHead.rows[0].cells)
  const filter = document.getElementById('filter')
  const status = document.getElementById('status')
  const shown = document.getElementById('shown')
  const total = body.rows.length
  let current = null
  let showing = null

  const rows = () => Array.from(body.rows).filter((row) => !row.hidden)
  const opened = () => document.querySelector('.note:target')

  function apply() {
    const words = filter.value.trim().toLowerCase()
    const wanted = status.value
    let count = 0
    for (const row of body.rows) {
      const matches =
        (words === '' || row.textContent.toLowerCase().includes(words)) &&
        (wanted === '' || (wanted === 'warned' ? row.hasAttribute('data-warned') : row.dataset.status === wanted))
      row.hidden = !matches
      if (matches) count++
    }
    shown.textContent = count + ' of ' + total + ' note' + (total === 1 ? '' : 's') + ' shown'
    // The filter keeps the focus while one types.
    if (current && current.hidden) select(rows()[0], false)
  }

  function sortBy(head) {
    const column = Number(head.dataset.column)
    const ascending = head.getAttribute('aria-sort') !== 'ascending'
    for (const other of heads) other.removeAttribute('aria-sort')
    head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending')
    const key = (row) => row.cells[column].dataset.sort
    const numeric = column === heads.length - 1
    // A note without a record (no date, no event) comes last either way.
    const sorted = Array.from(body.rows).sort((a, b) => {
      const empty = (key(a) === '') - (key(b) === '')
      const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b))
      return empty || (ascending ? order : -order) || Number(a.dataset.note) - Number(b.dataset.note)
    })
    body.append(...sorted)
  }

  function select(row, focus = true) {
    if (current) current.classList.remove('current')
    current = row || null
    if (!current) return
    current.classList.add('current')
    if (focus) current.focus({preventScroll: true})
    current.scrollIntoView({block: 'nearest'})
  }

  function step(by) {
    const list = rows()
    if (list.length === 0) return
    const at = list.indexOf(current)
    select(list[at < 0 ? 0 : Math.max(0, Math.min(list.length - 1, at + by))])
  }

  /**
   * Shows the note the address names: its row becomes current and its
   * heading takes the focus. Called at once when the table opens a note
   * and before each key, and again at hashchange, which does nothing for
   * the note already shown: a key pressed before that event ('m' just
   * after 'p') keeps the focus it moved.
   */
  function show() {
    const note = opened()
    if (note === showing) return
    showing = note
    if (!note) return
    select(document.getElementById('row-' + note.dataset.note))
    window.scrollTo(0, 0)
    note.querySelector('h2').focus({preventScroll: true})
  }

  function open(row) {
    if (!row) return
    location.hash = 'note-' + row.dataset.note
    show()
  }

  function back(note) {
    const row = document.getElementById('row-' + note.dataset.note)
    location.hash = 'notes'
    show()
    select(row)
  }

  /** The next or previous note in the table's order, as filtered. */
  function neighbour(note, by) {
    const list = rows()
    const at = list.indexOf(document.getElementById('row-' + note.dataset.note))
    open(list[at + by])
  }

  function nextMessage(note, by) {
    const messages = Array.from(note.querySelectorAll('.message'))
    if (messages.length === 0) return
    const at = messages.indexOf(document.activeElement)
    const next = messages[(at + by + messages.length) % messages.length]
    next.tabIndex = -1
    next.focus()
    next.scrollIntoView({block: 'center'})
  }

  function highlight(value) {
    const note = value.closest('.note')
    for (const lit of note.querySelectorAll('.lit, .chosen')) lit.classList.remove('lit', 'chosen')
    value.classList.add('chosen')
    const [start, end] = value.dataset.at.split('-').map((point) => point.split(':').map(Number))
    const last = end[1] === 1 && end[0] > start[0] ? end[0] - 1 : end[0]
    for (let line = start[0]; line <= last; line++) {
      const row = document.getElementById(note.id + '-L' + line)
      if (row) row.classList.add('lit')
    }
    const first = document.getElementById(note.id + '-L' + start[0])
    if (first) first.scrollIntoView({block: 'center'})
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target
    if (target.matches('input, select, textarea')) {
      if (event.key === 'Escape' || event.key === 'Enter') target.blur()
      if (event.key === 'ArrowDown') { target.blur(); step(0) }
      return
    }
    // A link or the browser's history may have changed the address
    // without its hashchange heard yet: a key acts on the note it names.
    show()
    const note = opened()
    const keys = note ? noteKeys(note, event, target) : listKeys(event)
    if (keys) event.preventDefault()
  }

  function listKeys(event) {
    switch (event.key) {
      case '/': filter.focus(); return true
      case 'ArrowDown': case 'j': step(1); return true
      case 'ArrowUp': case 'k': step(-1); return true
      case 'Home': select(rows()[0]); return true
      case 'End': select(rows().at(-1)); return true
      case 'Enter': case 'o': open(current); return current !== null
      default: return false
    }
  }

  function noteKeys(note, event, target) {
    switch (event.key) {
      case 'Escape': case 'u': back(note); return true
      case 'n': case 'ArrowRight': neighbour(note, 1); return true
      case 'p': case 'ArrowLeft': neighbour(note, -1); return true
      case 'm': nextMessage(note, 1); return true
      case 'M': nextMessage(note, -1); return true
      case 'Enter': case ' ':
        if (!target.dataset.at) return false
        highlight(target)
        return true
      default: return false
    }
  }

  filter.addEventListener('input', apply)
  status.addEventListener('change', apply)
  for (const head of heads) head.querySelector('button').addEventListener('click', () => sortBy(head))
  body.addEventListener('click', (event) => {
    const row = event.target.closest('tr')
    if (row && !event.target.closest('a')) open(row)
  })
  document.addEventListener('click', (event) => {
    const value = event.target.closest('[data-at]')
    if (value) highlight(value)
  })
  document.addEventListener('keydown', onKey)
  window.addEventListener('hashchange', show)
  apply()
  select(rows()[0])
})()
`
