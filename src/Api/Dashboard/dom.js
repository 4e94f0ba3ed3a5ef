// The one helper every panel draws HTML with.

/** An element with attributes and, when given, its text. */
export function element(name, attributes = {}, text = null) {
  const created = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    created.setAttribute(key, value);
  }

  if (text !== null) {
    created.textContent = text;
  }

  return created;
}
