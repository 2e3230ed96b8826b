import { useUploads, type Upload } from '../../stores/uploads-store.ts';

const STATUS: Record<Upload['status'], string> = {
  waiting: 'Waiting',
  uploading: 'Uploading',
  done: 'Added',
  duplicate: 'Already in the library',
  failed: 'Refused',
};

export function UploadList() {
  const uploads = useUploads((s) => s.uploads);
  const clearFinished = useUploads((s) => s.clearFinished);
  if (!uploads.length) return null;
  const busy = uploads.filter((u) => u.status === 'waiting' || u.status === 'uploading').length;

  return (
    <div className="card section upload-list" aria-label="Uploads">
      <div className="spread section-title">
        <h2>{busy ? `Uploading ${busy} of ${uploads.length}` : `${uploads.length} uploaded`}</h2>
        {!busy && <button className="quiet" onClick={clearFinished}>Clear</button>}
      </div>
      <ul>
        {uploads.map((u) => (
          <li key={u.key} className={`upload ${u.status}`}>
            <span className="upload-name">{u.name}</span>
            <progress max={1} value={u.progress} aria-label={`${u.name} progress`} />
            <span className="small">{u.status === 'failed' ? u.error : STATUS[u.status]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
