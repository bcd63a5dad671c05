import { Keyspace, type RedisOp, remember, scriptCommands } from './projection';

describe('the commands of the apply script', () => {
  const keys = new Keyspace('feed', 1);
  const undo = keys.key('undo', 'k1');

  it('prefixes keys and writes numbers as strings', () => {
    expect(scriptCommands([['ZADD', keys.key('feed'), 1767600000000, 'k1']], 'p:')).toEqual([
      ['ZADD', 'p:rm:{feed.v1}:feed', '1767600000000', 'k1'],
    ]);
  });

  it('pushes what one undo list remembers at once, in order, where the first was remembered', () => {
    const ops: RedisOp[] = [
      ['ZADD', keys.key('feed'), 1, 'k1'],
      remember(undo, ['ZREM', keys.key('feed'), 'k1']),
      ['ZINCRBY', keys.key('tally'), 1, 'org'],
      remember(undo, ['ZINCRBY', keys.key('tally'), -1, 'org']),
    ];
    expect(scriptCommands(ops)).toEqual([
      ['ZADD', keys.key('feed'), '1', 'k1'],
      ['UNDO_PUSH', undo, '["ZREM","rm:{feed.v1}:feed","k1"]', '["ZINCRBY","rm:{feed.v1}:tally","-1","org"]'],
      ['ZINCRBY', keys.key('tally'), '1', 'org'],
    ]);
  });

  it('never moves a remembered op across a run of its list', () => {
    const ops: RedisOp[] = [
      remember(undo, ['DEL', keys.key('kudos', 'k1')]),
      ['UNDO_RUN', undo],
      remember(undo, ['DEL', keys.key('kudos', 'k2')]),
    ];
    expect(scriptCommands(ops).map(([command]) => command)).toEqual(['UNDO_PUSH', 'UNDO_RUN', 'UNDO_PUSH']);
  });

  it('folds the counters, set members and hash fields a batch repeats on a key into one command, at the first', () => {
    const [tally, team] = [keys.key('tally'), keys.key('team', 't1')];
    const ops: RedisOp[] = [
      ['ZINCRBY', tally, 1, 'org'],
      ['SADD', team, 'ana'],
      ['ZINCRBY', tally, 1, 'team:t1'],
      ['ZINCRBY', tally, 2, 'org'],
      ['SADD', team, 'ben'],
    ];
    expect(scriptCommands(ops)).toEqual([
      ['ZINCRBY', tally, '3', 'org'],
      ['SADD', team, 'ana', 'ben'],
      ['ZINCRBY', tally, '1', 'team:t1'],
    ]);
  });

  it('folds nothing across another kind of op on the key, or across a run of any undo list', () => {
    const team = keys.key('team', 't1');
    const ops: RedisOp[] = [
      ['SADD', team, 'ana'],
      ['SREM', team, 'ana'],
      ['SADD', team, 'ana'],
      ['UNDO_RUN', undo],
      ['SADD', team, 'ben'],
    ];
    expect(scriptCommands(ops).map(([command]) => command)).toEqual(['SADD', 'SREM', 'SADD', 'UNDO_RUN', 'SADD']);
  });
});
