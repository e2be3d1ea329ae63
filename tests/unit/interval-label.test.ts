import { describe, expect, it } from "vitest";
import { intervalLabelFit } from "@/app/review/interval-label";

describe("a grade button's interval label on a phone", () => {
  it("keeps short labels at the usual size and sets even-days ranges smaller, the longest smallest", () => {
    for (const l of ["10m", "4d", "4–6d", "1.1–1.3y", "29d–1mo"]) expect(intervalLabelFit(l), l).toBeUndefined();
    for (const l of ["25d–1.1mo", "2.8–3.2mo"]) expect(intervalLabelFit(l), l).toBe("long");
    for (const l of ["10.5–11.9mo", "11.8mo–1.1y"]) expect(intervalLabelFit(l), l).toBe("longer");
  });
});
