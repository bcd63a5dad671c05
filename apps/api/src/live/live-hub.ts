import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type MessageEvent,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import { AppConfig, READ_MODEL_REDIS, type ReadModelRedis } from '@frontline/platform';
import {
  type LiveId,
  type LiveItem,
  type LiveNotice,
  type LiveSource,
  type LiveViewer,
  ReadModels,
  duplicateClient,
  formatEventId,
  isAfter,
  liveChannel,
  parseEventId,
  parseNotice,
} from '@frontline/read-models';

/** Items read per page when a stream resumes, or catches up after a lost notice. */
const PAGE = 200;

/** What one stream follows: sources and their topics, and for whom. */
export interface StreamRequest {
  /** The person watching; none for a wall, whose topics hold public kudos only. */
  viewer?: LiveViewer;
  follows: { source: LiveSource; topics: string[] }[];
  lastEventId?: string;
  /** Counted against LIVE_STREAMS_PER_PERSON. */
  holder?: string;
  /** Asked at each heartbeat: a revoked or expired wall token ends its stream. */
  stillAllowed?: () => Promise<boolean>;
}

interface Follow {
  source: LiveSource;
  topics: string[];
  /** The stream has been given everything it may see of these topics up to here. */
  through?: LiveId;
}

interface Connection {
  viewer?: LiveViewer;
  follows: Follow[];
  out: Subscriber<MessageEvent>;
  stillAllowed?: () => Promise<boolean>;
}

/**
 * The live streams of this api process. One Redis subscription hears the projector's notices
 * (see `LiveNotice`); for each notice, every touched topic that some stream follows is read once,
 * and each stream is written the items it may see that it was not given yet. Notices and
 * resumptions are handled one after the other, so a stream never sees an item twice nor skips one.
 */
@Injectable()
export class LiveHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveHub.name);
  /** The streams that follow a topic of a source. */
  private readonly followers = new Map<string, Set<Connection>>();
  /** By projection: the sources some stream follows. */
  private readonly sources = new Map<string, Set<LiveSource>>();
  private readonly streamsOf = new Map<string, number>();
  private readonly connections = new Set<Connection>();
  /** By projection: the hub has handled every notice up to here. */
  private readonly heard = new Map<string, string>();
  private subscriber?: ReadModelRedis;
  private heartbeat?: NodeJS.Timeout;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = duplicateClient(this.redis);
    // ioredis reconnects and subscribes again by itself; a lost notice is made up for by the next one.
    this.subscriber.on('error', (error: Error) => this.logger.warn(`live subscription: ${error.message}`));
    this.subscriber.on('message', (_channel: string, message: string) => {
      const notice = parseNotice(message);
      if (notice) this.inTurn(() => this.hear(notice));
    });
    await this.subscriber.subscribe(liveChannel(this.redis));
    this.heartbeat = setInterval(() => this.beat(), this.config.LIVE_HEARTBEAT_MS);
  }

  /** Streams end cleanly before the server closes, which would otherwise wait for them. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const connection of this.connections) connection.out.complete();
    this.subscriber?.disconnect();
  }

  /** A stream of the items of these topics; a bad `Last-Event-ID` or one stream too many is refused before it starts. */
  open(request: StreamRequest): Observable<MessageEvent> {
    const names = request.follows.map(({ source }) => source.name);
    const resume = request.lastEventId === undefined ? undefined : parseEventId(request.lastEventId, names);
    const { holder } = request;
    if (holder !== undefined && (this.streamsOf.get(holder) ?? 0) >= this.config.LIVE_STREAMS_PER_PERSON) {
      throw new HttpException(
        `At most ${this.config.LIVE_STREAMS_PER_PERSON} live streams per person are open at once: close another tab or device`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return new Observable<MessageEvent>((out) => {
      const connection: Connection = {
        viewer: request.viewer,
        follows: request.follows.map(({ source, topics }) => ({ source, topics, through: resume?.get(source.name) })),
        out,
        stillAllowed: request.stillAllowed,
      };
      this.connections.add(connection);
      if (holder !== undefined) this.streamsOf.set(holder, (this.streamsOf.get(holder) ?? 0) + 1);
      this.inTurn(() => this.join(connection, resume !== undefined));
      return () => {
        this.connections.delete(connection);
        for (const follow of connection.follows)
          for (const topic of follow.topics) this.unfollow(follow, topic, connection);
        if (holder !== undefined) {
          const left = (this.streamsOf.get(holder) ?? 1) - 1;
          if (left > 0) this.streamsOf.set(holder, left);
          else this.streamsOf.delete(holder);
        }
      };
    });
  }

  /**
   * Starts from now, or resumes after the given id: what came since is read up to where the
   * projection is now, and notices take over from there. A source the id does not name (one
   * added since it was given) starts from now.
   */
  private async join(connection: Connection, resuming: boolean): Promise<void> {
    for (const follow of connection.follows) {
      const { projection } = follow.source;
      const now = (await this.checkpoint(projection)) ?? '';
      if (!this.heard.has(projection)) this.heard.set(projection, now);
      if (resuming && follow.through !== undefined) await this.catchUp(connection, follow, now);
      if (follow.through === undefined || isAfter({ position: now }, follow.through))
        follow.through = { position: now };
    }
    if (connection.out.closed) return;
    for (const follow of connection.follows) {
      const sources = this.sources.get(follow.source.projection) ?? new Set<LiveSource>();
      this.sources.set(follow.source.projection, sources.add(follow.source));
      for (const topic of follow.topics) {
        const key = topicKey(follow.source, topic);
        this.followers.set(key, (this.followers.get(key) ?? new Set<Connection>()).add(connection));
      }
    }
  }

  private async hear(notice: LiveNotice): Promise<void> {
    const heard = this.heard.get(notice.projection);
    if (heard !== undefined && notice.to <= heard) return;
    this.heard.set(notice.projection, notice.to);
    // A notice went missing (Redis reconnected meanwhile): each stream reads what it missed, on its own.
    const lost = heard !== undefined && notice.from > heard;
    for (const source of this.sources.get(notice.projection) ?? []) {
      if (lost) {
        // Which topics the lost notice named is not known: every stream of the source reads what it missed.
        const all = [...this.connections].filter((connection) =>
          connection.follows.some((one) => one.source === source),
        );
        for (const connection of all) await this.catchUp(connection, followOf(connection, source), notice.to);
        continue;
      }
      const topics = notice.topics.filter((topic) => this.followers.has(topicKey(source, topic)));
      if (topics.length === 0) continue;
      const streams = new Set(topics.flatMap((topic) => [...this.followers.get(topicKey(source, topic))!]));
      const from = notice.from === '' ? undefined : { position: notice.from };
      const items = await readAll(source, topics, from, notice.to);
      for (const connection of streams) {
        const follow = followOf(connection, source);
        const theirs = items.filter((item) => item.topics.some((topic) => follow.topics.includes(topic)));
        this.send(connection, follow, theirs, notice.to);
      }
    }
  }

  /** Everything of the stream's topics of one source after where it is, up to `upTo`. */
  private async catchUp(connection: Connection, follow: Follow, upTo: string): Promise<void> {
    const after = follow.through?.position === '' ? undefined : follow.through;
    this.send(connection, follow, await readAll(follow.source, follow.topics, after, upTo), upTo);
  }

  /** Items of several topics, each once, in log order, those the viewer may see and was not given yet. */
  private send(connection: Connection, follow: Follow, items: LiveItem[], through: string): void {
    const fresh = new Map<string, LiveItem>();
    for (const item of items) {
      if (follow.through !== undefined && !isAfter(item.id, follow.through)) continue;
      if (connection.viewer && !follow.source.shows(item, connection.viewer)) continue;
      fresh.set(`${item.id.position}.${item.id.n ?? ''}`, item);
    }
    const ordered = [...fresh.values()].sort((a, b) => (isAfter(a.id, b.id) ? 1 : -1));
    for (const item of ordered) {
      follow.through = item.id;
      const cursor = new Map(connection.follows.flatMap(({ source, through: at }) => (at ? [[source.name, at]] : [])));
      connection.out.next({ id: formatEventId(cursor), type: item.type, data: item.data });
    }
    if (follow.through === undefined || isAfter({ position: through }, follow.through))
      follow.through = { position: through };
  }

  /** A comment to every stream; a wall whose token was revoked or has expired is closed. */
  private beat(): void {
    for (const connection of this.connections) {
      connection.out.next({ comment: '' });
      void connection
        .stillAllowed?.()
        .then((allowed) => allowed || connection.out.complete())
        .catch(() => undefined);
    }
  }

  private unfollow(follow: Follow, topic: string, connection: Connection): void {
    const key = topicKey(follow.source, topic);
    const set = this.followers.get(key);
    set?.delete(connection);
    if (set?.size === 0) this.followers.delete(key);
  }

  private async checkpoint(projection: string): Promise<string | undefined> {
    const keys = await this.readModels.keys(projection);
    return (await this.redis.get(keys.key('checkpoint'))) ?? undefined;
  }

  /** Runs after whatever was asked before: notices and resumptions in the order they came. */
  private inTurn(task: () => Promise<void>): void {
    this.turn = this.turn
      .then(task)
      .catch((error: Error) => this.logger.error(`live stream update failed: ${error.message}`));
  }
}

const topicKey = (source: LiveSource, topic: string) => `${source.name}\u0000${topic}`;
const followOf = (connection: Connection, source: LiveSource) =>
  connection.follows.find((one) => one.source === source)!;

async function readAll(
  source: LiveSource,
  topics: readonly string[],
  after: LiveId | undefined,
  upTo: string,
): Promise<LiveItem[]> {
  const items: LiveItem[] = [];
  for (let from = after; ;) {
    const page = await source.read(topics, from, upTo, PAGE);
    items.push(...page.items);
    if (!page.next) return items;
    from = page.next;
  }
}
