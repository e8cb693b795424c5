/**
 * `read`, remembering what it gave for the texts it has seen: notes say
 * "Event", "Participants" and "United Nations" again and again. It keeps a
 * few thousand at most (then starts again). What it gives is shared
 * between callers, who only read it.
 */
export function remembering<Value>(read: (text: string) => Value): (text: string) => Value {
  const seen = new Map<string, Value>()
  return (text) => {
    if (seen.has(text)) return seen.get(text) as Value
    const found = read(text)
    if (seen.size >= maxRemembered) seen.clear()
    seen.set(text, found)
    return found
  }
}

const maxRemembered = 4096
