/** The streaming row preview of one table. */
export function TablePreview(props: { tableRef: string }) {
  return <div className="empty-state">Preview of {props.tableRef}</div>;
}
