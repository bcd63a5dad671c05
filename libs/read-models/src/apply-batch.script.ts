/**
 * Applies a batch of projected writes, moves the checkpoint and records it in the status, or
 * does nothing: KEYS[1] is the checkpoint, KEYS[2] the status; ARGV: key prefix (of the
 * remembered ops, stored without it), checkpoint the batch starts after, checkpoint it ends at,
 * when its last event was recorded, when it is applied, then the ops as one JSON array with their
 * keys prefixed (`encodeOps`). Positions sort as strings, so a checkpoint at or past the batch's
 * end means another writer applied it already.
 */
export const APPLY_BATCH = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= '' and current >= ARGV[3] then return 'already_applied' end
if current ~= ARGV[2] then return 'writer_ahead' end
local prefix = ARGV[1]
for _, op in ipairs(cjson.decode(ARGV[6])) do
  if op[1] == 'UNDO_RUN' then
    for _, encoded in ipairs(redis.call('LRANGE', op[2], 0, -1)) do
      local undo = cjson.decode(encoded)
      undo[2] = prefix .. undo[2]
      redis.call(unpack(undo))
    end
    redis.call('DEL', op[2])
  else
    if op[1] == 'UNDO_PUSH' then op[1] = 'RPUSH' end
    redis.call(unpack(op))
  end
end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('HSET', KEYS[2], 'checkpoint', ARGV[3], 'lastEventRecordedAt', ARGV[4], 'appliedAt', ARGV[5])
return 'applied'
`;

export type ApplyOutcome = 'applied' | 'already_applied' | 'writer_ahead';
