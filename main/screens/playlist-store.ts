import type { DataSource, Repository } from 'typeorm';
import { playlistInputSchema, type PlaylistDto, type PlaylistInput, type PlaylistItem } from '../../contract/screens.ts';
import type { AppEvents } from '../core/events.ts';
import { PlaylistEntity, type PlaylistRow } from '../storage/entities/screen.ts';
import { NotFoundError } from '../core/errors.ts';

export class PlaylistNotFoundError extends NotFoundError {
  constructor(id: number) {
    super(`no playlist with id ${id}`);
  }
}

/** The one owner of the `playlists` table. Whether the screens and mashups it names exist is checked by the caller. */
export class PlaylistStore {
  private readonly rows: Repository<PlaylistRow>;

  constructor(db: DataSource, private readonly events: AppEvents) {
    this.rows = db.getRepository(PlaylistEntity);
  }

  async list(): Promise<PlaylistDto[]> {
    return (await this.rows.find({ order: { id: 'ASC' } })).map(toDto);
  }

  async find(id: number): Promise<PlaylistDto | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toDto(row) : null;
  }

  async get(id: number): Promise<PlaylistDto> {
    const playlist = await this.find(id);
    if (!playlist) throw new PlaylistNotFoundError(id);
    return playlist;
  }

  async create(input: PlaylistInput): Promise<PlaylistDto> {
    const valid = playlistInputSchema.parse(input);
    const { identifiers } = await this.rows.insert({ name: valid.name, items: JSON.stringify(valid.items) });
    const id = Number(identifiers[0].id);
    this.events.emit('screens-changed', { kind: 'playlist', id });
    return this.get(id);
  }

  async update(id: number, input: PlaylistInput): Promise<PlaylistDto> {
    const valid = playlistInputSchema.parse(input);
    await this.get(id);
    await this.rows.update(id, { name: valid.name, items: JSON.stringify(valid.items) });
    this.events.emit('screens-changed', { kind: 'playlist', id });
    return this.get(id);
  }

  async delete(id: number): Promise<void> {
    await this.get(id);
    await this.rows.delete({ id });
    this.events.emit('screens-changed', { kind: 'playlist', id });
  }
}

function toDto(row: PlaylistRow): PlaylistDto {
  return { id: row.id, name: row.name, items: JSON.parse(row.items) as PlaylistItem[] };
}
