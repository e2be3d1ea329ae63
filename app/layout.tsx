import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "./_components/site-header";
import { Disclaimer } from "./_components/disclaimer";
import { ServiceWorker } from "./_components/service-worker";
import { HydrationMark } from "./_components/hydration-mark";
import { THEME } from "@/lib/pwa/manifest";
import { HEAD_SCRIPT } from "@/lib/head-script";

export const metadata: Metadata = {
  title: { default: "Unknot: back-spasm self-care that sticks", template: "%s · Unknot" },
  description: "Short lessons, quizzes and spaced-repetition flashcards on back-spasm self-care.",
  // The manifest link comes from app/manifest.ts; iOS reads its icon from this link instead.
  icons: { apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Unknot", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME.light },
    { media: "(prefers-color-scheme: dark)", color: THEME.dark },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The head script (lib/head-script.ts) sets data-auth on <html> before React hydrates, hence the suppressed warning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: HEAD_SCRIPT }} />
      </head>
      <body>
        <a className="sr-only" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <Disclaimer />
          </div>
        </footer>
        <ServiceWorker />
        <HydrationMark />
      </body>
    </html>
  );
}
