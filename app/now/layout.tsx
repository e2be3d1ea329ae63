import "./now.css";

// The flare plan's pages (/now and the warning-sign check) share one stylesheet, which no other page loads.
export default function NowLayout({ children }: { children: React.ReactNode }) {
  return children;
}
