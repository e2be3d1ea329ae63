// SVG as markup text, for the charts of /progress. A chart is hundreds of elements (a year's
// heatmap is 365 squares, each with its <title>) that never change once drawn: handed to the
// page as one string (dangerouslySetInnerHTML), they are in the HTML as before, but React
// does not hydrate them one by one, which on a slow phone blocked the page for a long task.
// Every attribute value and text is escaped here; nothing is ever inserted unescaped.

export type Attrs = Record<string, string | number | undefined>;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

// One element: `el("rect", { x: 1, class: "bar" }, el("title", {}, "Monday: 3"))`. Attribute
// names are written as in SVG (class, stroke-opacity); an undefined value leaves it out. A string
// child is text (escaped); children made by el are markup.
export function el(tag: string, attrs: Attrs, ...children: (Markup | string | false | null | undefined)[]): Markup {
  if (!NAME.test(tag)) throw new Error(`bad tag ${tag}`);
  let out = `<${tag}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (!NAME.test(k)) throw new Error(`bad attribute ${k}`);
    out += ` ${k}="${escape(String(v))}"`;
  }
  out += ">";
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    out += typeof c === "string" ? escape(c) : c.html;
  }
  return { html: `${out}</${tag}>` };
}

// Markup made by el, kept apart from plain strings so that text is never taken for markup.
export type Markup = { readonly html: string };

export const join = (parts: Markup[]): Markup => ({ html: parts.map((p) => p.html).join("") });
