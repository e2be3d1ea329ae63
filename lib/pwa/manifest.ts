import type { MetadataRoute } from "next";

// The install colours, shared by the manifest and the layout's theme-color tags (the manifest
// has one theme colour; the tags give browsers the dark one too). They are globals.css's
// background colours, so the title bar and splash screen match the page.
export const THEME = { light: "#fbfaf7", dark: "#15171b" } as const;

export const ICONS: MetadataRoute.Manifest["icons"] = [
  { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
  { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];

export function webManifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Unknot: back-spasm self-care",
    short_name: "Unknot",
    description: "Short lessons, quizzes and spaced-repetition flashcards on back-spasm self-care. Lessons work offline.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    lang: "en",
    categories: ["health", "education", "medical"],
    theme_color: THEME.light,
    background_color: THEME.light,
    icons: ICONS,
  };
}
