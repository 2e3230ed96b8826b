/** The browser UI without a valid admin token: say where to get the right address. */
export function TokenNeeded() {
  return (
    <main className="token-needed">
      <div className="empty">
        <h2>Open Inkstand from its address</h2>
        <p>
          This page needs the admin address the server printed when it started, the line <code>admin ui: http://…/?token=…</code>.
          Each start makes a new token, so after a restart use the new address.
        </p>
      </div>
    </main>
  );
}
