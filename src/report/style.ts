/**
 * The report's style sheet, inline: a table and bars at 1280 px, one
 * column at phone width; a note shows when its section is the page's
 * target (`#note-3`), so notes open without the script too.
 */
export const style = `
:root { --error: #b00020; --warning: #8a5300; --info: #1a5fb4; --lit: #fff1a8; --line: #d7d7d7;
  --muted: #595959; color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; padding: 0 1rem 2rem; max-width: 110rem; line-height: 1.45; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.4rem; margin: 1rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: .5rem 0; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: .5rem 0; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; border-bottom: 1px solid var(--line); }
h5 { font-size: .9rem; margin: .6rem 0 .2rem; }
a { color: #0b4fa8; }
:focus-visible { outline: 2px solid #0b4fa8; outline-offset: 1px; }
.keys, .caption, .none { color: var(--muted); font-size: .85rem; }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .25rem; font-size: .8rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: .3rem .8rem; min-width: 6rem; }
.count dt { font-size: .8rem; text-transform: capitalize; color: var(--muted); }
.count dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.count.invalid dd, .count.errors dd { color: var(--error); }
.count.warnings dd { color: var(--warning); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
.bars { list-style: none; margin: 0; padding: 0; max-height: 15rem; overflow: auto; scrollbar-gutter: stable; }
.bars li { display: grid; grid-template-columns: 10rem minmax(0, 1fr) 2.5rem; gap: .5rem; align-items: center; font-size: .85rem; }
.bars .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bars .value { text-align: right; padding-right: .3rem; }
.bar { height: .8rem; background: linear-gradient(#3465a4, #3465a4) no-repeat; background-size: var(--share) 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
.rules { font-size: .85rem; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin: 1.5rem 0 .5rem; }
.filters input { width: 18rem; max-width: 70vw; }
.scroll { overflow-x: auto; }
#table { font-size: .88rem; min-width: 62rem; }
#table th button { all: unset; cursor: pointer; font-weight: 600; }
#table th button:focus-visible { outline: 2px solid #0b4fa8; }
#table th[aria-sort=ascending] button::after { content: " ▲"; }
#table th[aria-sort=descending] button::after { content: " ▼"; }
#table tbody tr { cursor: pointer; }
#table tbody tr:hover { background: #f2f6fc; }
#table tbody tr.current { background: #e4eefb; outline: 2px solid #3465a4; outline-offset: -2px; }
#table td:first-child { overflow-wrap: anywhere; min-width: 11rem; max-width: 18rem; }
.status { font-weight: 600; font-size: .85em; padding: 0 .35rem; border-radius: 3px; white-space: nowrap; }
.status.valid { color: #1e6b2f; background: #e2f3e5; }
.status.invalid { color: var(--error); background: #fde7ea; }
.status.unreadable { color: #444; background: #e6e6e6; }
.note:not(:target) { display: none; }
body:has(.note:target) #summary, body:has(.note:target) #notes { display: none; }
.note nav { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1rem; }
.panes { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
.lines { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; border: 1px solid var(--line);
  max-height: 85vh; overflow: auto; }
.line { display: grid; grid-template-columns: 3rem minmax(0, 1fr); }
.paged .line { grid-template-columns: 3rem 3.5rem minmax(0, 1fr); }
.line .no, .line .page { color: var(--muted); text-align: right; padding-right: .6rem; user-select: none; }
.line code { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; font-family: inherit; }
.line.marked { box-shadow: inset 3px 0 var(--info); }
.line.marked.warning { box-shadow: inset 3px 0 var(--warning); }
.line.marked.error { box-shadow: inset 3px 0 var(--error); background: #fdf3f4; }
.line.lit { background: var(--lit); }
.message { margin: .1rem .3rem .35rem 3rem; padding: .15rem .5rem; border-left: 3px solid; font-size: .85rem;
  font-family: system-ui, sans-serif; overflow-wrap: anywhere; }
.message.error { border-color: var(--error); background: #fde7ea; }
.message.warning { border-color: var(--warning); background: #fff3df; }
.message.info { border-color: var(--info); background: #eaf1fb; }
.message .severity { font-weight: 600; }
.message .where, .message .rule { color: var(--muted); }
.source > .message { margin-left: 0; }
.fields { margin: 0; }
.field { display: grid; grid-template-columns: 8rem minmax(0, 1fr); gap: .5rem; }
.field dt { color: var(--muted); }
.field dd { margin: 0; }
.list { margin: .2rem 0; padding-left: 1.4rem; }
.record .value { overflow-wrap: anywhere; }
.record .value[data-at] { cursor: pointer; }
.record .value[data-at]:hover { background: #f6f1d5; }
.record .value.chosen { background: var(--lit); outline: 1px solid #b59a00; }
.raw pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .78rem; background: #f5f5f5; padding: .5rem; }
@media (max-width: 900px) { .panes { grid-template-columns: minmax(0, 1fr); } .lines { max-height: none; } }
@media (max-width: 600px) {
  body { padding: 0 .5rem 2rem; }
  .bars li { grid-template-columns: 6.5rem minmax(0, 1fr) 2rem; }
  .line { grid-template-columns: 2.2rem minmax(0, 1fr); }
  .paged .line { grid-template-columns: 2.2rem 3rem minmax(0, 1fr); }
  .message { margin-left: .5rem; }
  .field { grid-template-columns: minmax(0, 1fr); gap: 0; margin-bottom: .3rem; }
}
`
