import type { AppEvents } from '../core/events.ts';

export type Notify = (title: string, body: string) => void;

/** OS notifications for what needs the user: a job that failed, a display that asks to pair, a display that fell silent. */
export function notifyOnEvents(events: AppEvents, notify: Notify): () => void {
  const offs = [
    events.on('execution-changed', ({ jobName, status }) => {
      if (status === 'error') notify(`Job “${jobName}” failed`, 'Open Inkstand → Jobs to read its log.');
    }),
    events.on('pairing-request', ({ humanId }) => {
      notify('A display asks to pair', `${humanId} is waiting for your approval in Inkstand.`);
    }),
    events.on('display-offline', ({ name, humanId, lastSeen }) => {
      notify(`“${name}” is offline`, `${humanId} has not been heard from since ${new Date(lastSeen).toLocaleString()}.`);
    }),
  ];
  return () => offs.forEach((off) => off());
}
