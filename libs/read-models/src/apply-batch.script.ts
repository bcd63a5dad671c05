/**
 * Applies a batch of projected writes and moves the checkpoint, or nothing: KEYS[1] is the
 * checkpoint; ARGV: key prefix, checkpoint the batch starts after, checkpoint it ends at,
 * then ops encoded as `count, command, key, args…` (count: the items after it). Positions sort as strings, so a
 * checkpoint at or past the batch's end means another writer applied it already.
 */
export const APPLY_BATCH = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= '' and current >= ARGV[3] then return 'already_applied' end
if current ~= ARGV[2] then return 'writer_ahead' end
local prefix = ARGV[1]
local i = 4
while i <= #ARGV do
  local count = tonumber(ARGV[i])
  local command = ARGV[i + 1]
  local key = prefix .. ARGV[i + 2]
  if command == 'UNDO_PUSH' then
    redis.call('RPUSH', key, ARGV[i + 3])
  elseif command == 'UNDO_RUN' then
    for _, encoded in ipairs(redis.call('LRANGE', key, 0, -1)) do
      local op = cjson.decode(encoded)
      op[2] = prefix .. op[2]
      redis.call(unpack(op))
    end
    redis.call('DEL', key)
  else
    redis.call(command, key, unpack(ARGV, i + 3, i + count))
  end
  i = i + 1 + count
end
redis.call('SET', KEYS[1], ARGV[3])
return 'applied'
`;

export type ApplyOutcome = 'applied' | 'already_applied' | 'writer_ahead';
