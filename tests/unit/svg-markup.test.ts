import { describe, expect, it } from "vitest";
import { el, join } from "@/app/progress/_components/svg-markup";

describe("chart SVG markup", () => {
  it("writes attributes in SVG spelling and leaves out undefined ones", () => {
    expect(el("rect", { class: "heat-2", x: 4, "stroke-opacity": 0.4, "text-anchor": undefined }).html).toBe(
      '<rect class="heat-2" x="4" stroke-opacity="0.4"></rect>',
    );
  });

  it("keeps the case of SVG's mixed-case attributes", () => {
    expect(el("svg", { viewBox: "0 0 10 10" }).html).toBe('<svg viewBox="0 0 10 10"></svg>');
  });

  it("escapes text and attribute values, so a label can never become markup", () => {
    const m = el("text", { "data-label": '"><script>x</script>' }, "a < b & c");
    expect(m.html).toBe('<text data-label="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">a &lt; b &amp; c</text>');
  });

  it("nests elements and lists, skipping the false and empty children of conditions", () => {
    const m = el("g", {}, el("title", {}, "Mon: 3"), false, join([el("rect", {}), el("rect", {})]));
    expect(m.html).toBe("<g><title>Mon: 3</title><rect></rect><rect></rect></g>");
  });

  it("refuses tag and attribute names that are not plain SVG names", () => {
    expect(() => el("rect onload=x", {})).toThrow();
    expect(() => el("rect", { "x onload": 1 })).toThrow();
  });
});
