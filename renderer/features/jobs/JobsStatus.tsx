/** Running downloads, exports and uploads, summarised in the status bar. */
export function JobsStatus() {
  return <div className="jobs-status" aria-label="Jobs" />;
}
