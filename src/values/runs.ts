/**
 * Runs of characters at the ends of a text, found by walking in from each
 * end. They stand in for expressions like `/[\s:.]+$/`, which V8 tries
 * from every position: quadratic on a long run of those characters that
 * does not end the text ("a.....b").
 */

/** The length of the run of characters matching `one` (a one-character test such as `/[\s:.]/`) that ends `text`. */
export function trailingRun(text: string, one: RegExp): number {
  let start = text.length
  while (start > 0 && one.test(text.charAt(start - 1))) start--
  return text.length - start
}

/** The length of the run of characters matching `one` that starts `text`. */
export function leadingRun(text: string, one: RegExp): number {
  let end = 0
  while (end < text.length && one.test(text.charAt(end))) end++
  return end
}

/** `text` without the runs of characters matching `one` at its ends. */
export function trimRun(text: string, one: RegExp): string {
  const start = leadingRun(text, one)
  return start === text.length ? '' : text.slice(start, text.length - trailingRun(text, one))
}
