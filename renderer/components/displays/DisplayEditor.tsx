import type { DisplayDto } from '../../../contract/admin.ts';
import { Drawer } from '../common/Drawer.tsx';
import { ButtonMapEditor } from './ButtonMapEditor.tsx';
import { DeviceLog } from './DeviceLog.tsx';
import { DisplayDanger } from './DisplayDanger.tsx';
import { DoublePress } from './DoublePress.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { MessageSender } from './MessageSender.tsx';
import { PictureSettings } from './PictureSettings.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { TrmnlAccess } from './TrmnlAccess.tsx';

/** Everything about one display, in a side panel over the grid. */
export function DisplayEditor({ display, panelImage, onClose }: { display: DisplayDto; panelImage?: string; onClose: () => void }) {
  const trmnl = display.protocol === 'trmnl';
  return (
    <Drawer title={display.name} subtitle={`${display.humanId} · ${display.profileId} · ${display.rotation}°`} onClose={onClose}>
      {panelImage && <img className="editor-preview" src={panelImage} alt={`What ${display.name} shows`} />}
      <div className="card"><GeneralSettings display={display} /></div>
      <div className="card"><ScheduleEditor display={display} /></div>
      <div className="card"><MessageSender display={display} /></div>
      <div className="card">{trmnl ? <DoublePress display={display} /> : <ButtonMapEditor display={display} />}</div>
      <div className="card"><PictureSettings display={display} /></div>
      {trmnl && <div className="card"><TrmnlAccess display={display} /></div>}
      {trmnl && <div className="card"><DeviceLog display={display} /></div>}
      <div className="card"><DisplayDanger display={display} onRemoved={onClose} /></div>
    </Drawer>
  );
}
