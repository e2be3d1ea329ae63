import { describe, expect, it } from "vitest";
import { applicationServerKey, isIos, pushSupport, type PushEnvironment } from "@/lib/pwa/push-support";

const desktop: PushEnvironment = {
  configured: true,
  serviceWorker: true,
  pushManager: true,
  notifications: true,
  permission: "default",
  ios: false,
  standalone: false,
  secure: true,
};

describe("whether this browser can take push reminders", () => {
  it("can on a desktop or Android browser with service workers and push", () => {
    expect(pushSupport(desktop)).toBe("available");
  });

  it("asks an iPhone user to add the app to the Home Screen first, and works once installed", () => {
    expect(pushSupport({ ...desktop, ios: true, pushManager: false })).toBe("ios-install");
    expect(pushSupport({ ...desktop, ios: true, standalone: true })).toBe("available");
  });

  it("says why when it cannot", () => {
    expect(pushSupport({ ...desktop, configured: false })).toBe("not-configured");
    expect(pushSupport({ ...desktop, secure: false })).toBe("insecure");
    expect(pushSupport({ ...desktop, pushManager: false })).toBe("unsupported");
    expect(pushSupport({ ...desktop, permission: "denied" })).toBe("denied");
  });

  it("recognises iPhones and iPads, including an iPad that reports itself as a Mac", () => {
    expect(isIos("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", 5)).toBe(true);
    expect(isIos("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", 5)).toBe(true);
    expect(isIos("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", 0)).toBe(false);
    expect(isIos("Mozilla/5.0 (Linux; Android 14)", 5)).toBe(false);
  });

  it("decodes the server's public key into the 65 bytes PushManager wants", () => {
    const key = "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U";
    const bytes = applicationServerKey(key);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
  });
});
