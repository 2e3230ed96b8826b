import type { DataSource, Repository } from 'typeorm';
import { mashupInputSchema, type MashupDto, type MashupInput, type MashupLayout } from '../../contract/screens.ts';
import type { AppEvents } from '../core/events.ts';
import { MashupEntity, type MashupRow } from '../storage/entities/screen.ts';
import { NotFoundError } from '../core/errors.ts';

export class MashupNotFoundError extends NotFoundError {
  constructor(id: number) {
    super(`no mashup with id ${id}`);
  }
}

/** The one owner of the `mashups` table. Whether the screens it names exist is checked by the caller, which knows the screens. */
export class MashupStore {
  private readonly rows: Repository<MashupRow>;

  constructor(db: DataSource, private readonly events: AppEvents) {
    this.rows = db.getRepository(MashupEntity);
  }

  async list(): Promise<MashupDto[]> {
    return (await this.rows.find({ order: { id: 'ASC' } })).map(toDto);
  }

  async find(id: number): Promise<MashupDto | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toDto(row) : null;
  }

  async get(id: number): Promise<MashupDto> {
    const mashup = await this.find(id);
    if (!mashup) throw new MashupNotFoundError(id);
    return mashup;
  }

  async create(input: MashupInput): Promise<MashupDto> {
    const valid = mashupInputSchema.parse(input);
    const { identifiers } = await this.rows.insert({ name: valid.name, layout: valid.layout, screenIds: JSON.stringify(valid.screenIds) });
    const id = Number(identifiers[0].id);
    this.events.emit('screens-changed', { kind: 'mashup', id });
    return this.get(id);
  }

  async update(id: number, input: MashupInput): Promise<MashupDto> {
    const valid = mashupInputSchema.parse(input);
    await this.get(id);
    await this.rows.update(id, { name: valid.name, layout: valid.layout, screenIds: JSON.stringify(valid.screenIds) });
    this.events.emit('screens-changed', { kind: 'mashup', id });
    return this.get(id);
  }

  async delete(id: number): Promise<void> {
    await this.get(id);
    await this.rows.delete({ id });
    this.events.emit('screens-changed', { kind: 'mashup', id });
  }
}

function toDto(row: MashupRow): MashupDto {
  return { id: row.id, name: row.name, layout: row.layout as MashupLayout, screenIds: JSON.parse(row.screenIds) as number[] };
}
