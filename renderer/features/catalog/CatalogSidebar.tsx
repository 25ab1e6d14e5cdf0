/** The catalog navigation: the user's datasets, organizations and recent items. */
export function CatalogSidebar() {
  return (
    <nav className="empty-state">
      <p>Datasets and organizations will appear here.</p>
    </nav>
  );
}
