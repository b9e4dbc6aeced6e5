// JSON nested hundreds of thousands of levels deep makes JSON.parse (and anything walking its result)
// overflow the stack and take the whole run down. One linear scan over the text, outside strings, says
// whether a line is deeper than allowed before it is parsed.

/** True when the JSON text opens more than `max` arrays/objects inside one another. */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
