import Link from "next/link";

// The offline shell on a device that holds no copy of anyone's reviews (or has not answered yet).
export function NoOfflineCopy({ opening }: { opening: boolean }) {
  return (
    <section className="panel" data-testid="no-offline-copy">
      {opening ? (
        <p>Opening the reviews saved on this device…</p>
      ) : (
        <>
          <h2 className="panel-title">You are offline</h2>
          <p>No copy of your reviews is saved on this device yet. They open here by themselves when the connection returns.</p>
          <p>
            <Link href="/learn">The lessons</Link> you have opened read offline.
          </p>
        </>
      )}
    </section>
  );
}
