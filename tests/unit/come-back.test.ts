import { describe, expect, it } from "vitest";
import { comeBackPhrase } from "@/lib/srs/come-back";

const now = new Date("2026-06-12T07:51:39Z");
const at = (iso: string) => new Date(iso);

describe("when to come back, in the learner's words and zone", () => {
  it("says minutes for a card due within the hour and 'now' for one already due", () => {
    expect(comeBackPhrase(at("2026-06-12T07:51:00Z"), now, "UTC")).toBe("now");
    expect(comeBackPhrase(at("2026-06-12T08:01:39Z"), now, "UTC")).toBe("in 10 minutes");
  });

  it("names the hour, today or tomorrow, in the learner's time zone rather than the server's", () => {
    // 18:00 UTC is 7 pm in London (summer time) and 2 pm in New York.
    expect(comeBackPhrase(at("2026-06-13T18:00:00Z"), now, "Europe/London")).toBe("at 7 pm tomorrow");
    expect(comeBackPhrase(at("2026-06-13T18:00:00Z"), now, "America/New_York")).toBe("at 2 pm tomorrow");
    expect(comeBackPhrase(at("2026-06-12T14:40:00Z"), now, "Europe/London")).toBe("at 3:40 pm today");
    // 23:30 UTC on the 12th is already the 13th in Tokyo, where "now" is the 12th.
    expect(comeBackPhrase(at("2026-06-12T23:30:00Z"), now, "Asia/Tokyo")).toBe("at 8:30 am tomorrow");
  });

  it("calls midnight 12 am and midday 12 pm, with minutes padded to two digits", () => {
    expect(comeBackPhrase(at("2026-06-13T00:05:00Z"), now, "UTC")).toBe("at 12:05 am tomorrow");
    expect(comeBackPhrase(at("2026-06-12T12:00:00Z"), now, "UTC")).toBe("at 12 pm today");
  });

  it("counts calendar days across the night the clocks go back", () => {
    // London leaves summer time at 02:00 on 25 October 2026: that day has 25 hours.
    const saturdayNoon = at("2026-10-24T11:00:00Z");
    expect(comeBackPhrase(at("2026-10-25T23:30:00Z"), saturdayNoon, "Europe/London")).toBe("at 11:30 pm tomorrow");
    expect(comeBackPhrase(at("2026-10-26T00:30:00Z"), saturdayNoon, "Europe/London")).toBe("on Monday at 12:30 am");
  });

  it("names the weekday within a week and the date after that, never a raw timestamp", () => {
    expect(comeBackPhrase(at("2026-06-16T09:00:00Z"), now, "UTC")).toBe("on Tuesday at 9 am");
    expect(comeBackPhrase(at("2026-07-02T09:00:00Z"), now, "UTC")).toBe("on 2 July");
    expect(comeBackPhrase(at("2027-01-05T09:00:00Z"), now, "UTC")).toBe("on 5 January 2027");
  });
});
