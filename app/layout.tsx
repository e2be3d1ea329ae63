import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "./_components/site-header";
import { Disclaimer } from "./_components/disclaimer";
import { Providers } from "./_components/providers";

export const metadata: Metadata = {
  title: { default: "Unknot: back-spasm self-care that sticks", template: "%s · Unknot" },
  description: "Short lessons, quizzes and spaced-repetition flashcards on back-spasm self-care.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="sr-only" href="#main">Skip to content</a>
        <Providers>
          <SiteHeader />
          <main id="main" className="wrap">{children}</main>
        </Providers>
        <footer className="site-footer">
          <div className="wrap">
            <Disclaimer />
          </div>
        </footer>
      </body>
    </html>
  );
}
