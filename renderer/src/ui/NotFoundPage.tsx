import { Link } from 'react-router';

/**
 * What a record's page shows when the record is not there (a stale link, a deleted row): its
 * title says so and one button leads back to the list the record belongs to.
 */
export function NotFoundPage({
  title,
  body,
  backTo,
  backLabel,
}: {
  title: string;
  /** Why it may be missing, when there is more to say than the title. */
  body?: string;
  backTo: string;
  backLabel: string;
}) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {body && <p className="lead">{body}</p>}
      <Link className="button" to={backTo}>
        {backLabel}
      </Link>
    </section>
  );
}
