/**
 * Applies a batch of projected writes, moves the checkpoint and records it in the status, or
 * does nothing: KEYS[1] is the checkpoint, KEYS[2] the status, and every key an op names is of the
 * same keyspace (refused otherwise: a cluster would not find it in their slot); ARGV: key prefix (of the
 * remembered ops, stored without it), checkpoint the batch starts after, checkpoint it ends at,
 * when its last event was recorded, when it is applied, then the ops as one JSON array with their
 * keys prefixed (`encodeOps`). Positions sort as strings, so a checkpoint at or past the batch's
 * end means another writer applied it already.
 *
 * Redis runs a script atomically but does not undo its earlier writes when a later command fails.
 * So the script first checks every command against what Redis holds and what the batch writes
 * before it (known commands and their arguments, each key's type, every counter's value), reading
 * only, and writes only when none would fail: otherwise it answers `{'refused', why}` and writes
 * nothing. A check may refuse what Redis would take (a counter past 2^53 - 1, which the api could
 * not read exactly), never the other way round. Should a checked command fail all the same, the
 * status is halted and no writer applies another batch of this generation: it must be rebuilt.
 */
export const APPLY_BATCH = `
local halted = redis.call('HGET', KEYS[2], 'halted')
if halted then return {'halted', halted} end
local current = redis.call('GET', KEYS[1]) or ''
if current ~= '' and current >= ARGV[3] then return 'already_applied' end
if current ~= ARGV[2] then return 'writer_ahead' end
local prefix = ARGV[1]
-- The projection's keys, all of one hash tag (KEYS[1] is one of them): a cluster runs the script on their slot's node.
local keyspace = string.sub(KEYS[1], 1, #KEYS[1] - #'checkpoint')

local SAFE = 9007199254740991
local function integer(text)
  if text == '0' or (#text <= 17 and string.find(text, '^%-?[1-9]%d*$')) then
    local n = tonumber(text)
    if n >= -SAFE and n <= SAFE then return n end
  end
end
local function score(text)
  if text == 'inf' or text == '+inf' then return math.huge end
  if text == '-inf' then return -math.huge end
  if string.find(text, '^%-?%d+$') or string.find(text, '^%-?%d+%.%d+$') then
    local n = tonumber(text)
    -- strtod refuses what overflows, and what underflows to zero
    if n and n > -math.huge and n < math.huge and (n ~= 0 or not string.find(text, '[1-9]')) then return n end
  end
end
local function bound(text)
  return score((string.gsub(text, '^%(', '', 1)))
end

-- What the batch has done so far, as far as the checks need it: each key's type, counters' values, undo lists.
local held, written, counters, cleared, undo = {}, {}, {}, {}, {}
local function typeOf(key)
  if written[key] then return written[key] end
  if not held[key] then held[key] = redis.call('TYPE', key).ok end
  return held[key]
end
local function claim(key, family, adds)
  local now = typeOf(key)
  if now ~= 'none' and now ~= family then
    if written[key] then return 'is on a key the batch wrote as a ' .. now end
    return 'is on a key that holds a ' .. now
  end
  -- A command that removes may leave the key empty, so gone; the checks do not follow that (they may refuse more).
  if adds or now ~= 'none' then written[key] = family end
end
local function counter(key, field)
  local values = counters[key]
  if not values then values = {}; counters[key] = values end
  if values[field] == nil then
    local stored
    if cleared[key] then stored = nil
    elseif field == '' then stored = redis.call('GET', key)
    else stored = redis.call('HGET', key, field) end
    values[field] = stored or '0'
  end
  return values[field]
end
local function forget(key)
  written[key] = 'none'
  counters[key] = {}
  cleared[key] = true
  undo[key] = { items = {} }
end
local function count(key, field, by)
  local was = integer(counter(key, field))
  if not was then return 'holds ' .. counter(key, field) .. ', not an integer of at most 2^53 - 1' end
  local n = integer(by)
  if not n then return 'adds ' .. by .. ', not an integer of at most 2^53 - 1' end
  if math.abs(was + n) > SAFE then return 'would pass 2^53 - 1' end
  counters[key][field] = string.format('%.0f', was + n)
end
local function pairsOf(command, from, check)
  if #command < from + 1 or (#command - from) % 2 == 0 then return 'takes pairs of arguments' end
  for i = from, #command, 2 do
    local why = check(command[i], command[i + 1])
    if why then return why end
  end
end
local function some(command)
  if #command < 3 then return 'takes at least one member' end
end

-- Each command the projections use: the type of key it needs, whether it adds, what else Redis would refuse.
local RULES = {
  HINCRBY = { 'hash', true, function(c)
    if #c ~= 4 then return 'takes a field and an increment' end
    return count(c[2], c[3], c[4])
  end },
  INCRBY = { 'string', true, function(c)
    if #c ~= 3 then return 'takes an increment' end
    return count(c[2], '', c[3])
  end },
  HSET = { 'hash', true, function(c)
    counters[c[2]] = counters[c[2]] or {}
    return pairsOf(c, 3, function(field, value) counters[c[2]][field] = value end)
  end },
  SADD = { 'set', true, some },
  SREM = { 'set', false, some },
  ZADD = { 'zset', true, function(c)
    return pairsOf(c, 3, function(s) if not score(s) then return 'scores ' .. s .. ', not a number' end end)
  end },
  ZINCRBY = { 'zset', true, function(c)
    if #c ~= 4 then return 'takes an increment and a member' end
    local n = score(c[3])
    if not n or n == math.huge or n == -math.huge then return 'adds ' .. c[3] .. ', not a finite number' end
  end },
  ZREM = { 'zset', false, some },
  ZREMRANGEBYSCORE = { 'zset', false, function(c)
    if #c ~= 4 or not bound(c[3]) or not bound(c[4]) then return 'takes a range of scores' end
  end },
  RPUSH = { 'list', true, some },
}

local plan = {}
local check

-- Runs what the list remembers, as the batch has left it, and empties it.
local function runUndo(key)
  if typeOf(key) ~= 'none' and typeOf(key) ~= 'list' then return 'is on a key that holds a ' .. typeOf(key) end
  local list = undo[key] or {}
  local items = list.items or redis.call('LRANGE', key, 0, -1)
  for _, item in ipairs(list.pushed or {}) do table.insert(items, item) end
  for _, encoded in ipairs(items) do
    local ok, op = pcall(cjson.decode, encoded)
    if not ok or type(op) ~= 'table' then return 'remembers something that is not a command: ' .. encoded end
    if type(op[2]) == 'string' then op[2] = prefix .. op[2] end
    local why = check(op)
    if why then return 'runs a remembered ' .. tostring(op[1]) .. ' that ' .. why end
  end
  forget(key)
  table.insert(plan, { 'DEL', key })
end

local function remember(command)
  local key = command[2]
  if #command < 3 then return 'remembers nothing' end
  local why = claim(key, 'list', true)
  if why then return why end
  undo[key] = undo[key] or {}
  undo[key].pushed = undo[key].pushed or {}
  for i = 3, #command do table.insert(undo[key].pushed, command[i]) end
  table.insert(plan, { 'RPUSH', unpack(command, 2) })
end

-- Checks one command against what Redis holds and what the batch wrote before it, and plans it.
check = function(command, ops)
  local name, key = command[1], command[2]
  if type(key) ~= 'string' then return 'names no key' end
  if string.sub(key, 1, #keyspace) ~= keyspace then return "names a key outside the projection's keyspace" end
  if ops and name == 'UNDO_PUSH' then return remember(command) end
  if ops and name == 'UNDO_RUN' then return runUndo(key) end
  if name == 'DEL' then
    if #command ~= 2 then return 'deletes one key' end
    forget(key)
  else
    local rule = RULES[name]
    if not rule then return 'is not a command the apply script knows' end
    local why = claim(key, rule[1], rule[2]) or rule[3](command)
    if why then return why end
  end
  table.insert(plan, command)
end

for i, command in ipairs(cjson.decode(ARGV[6])) do
  local name, key = tostring(command[1]), tostring(command[2])
  local why = check(command, true)
  if why then
    return {'refused', 'command ' .. i .. ', ' .. name .. ' ' .. string.sub(key, #prefix + 1) .. ', ' .. why}
  end
end
for i, command in ipairs(plan) do
  local reply = redis.pcall(unpack(command))
  if type(reply) == 'table' and reply.err then
    local why = 'Redis refused ' .. command[1] .. ' after the checks let it through (' .. reply.err .. ')'
    redis.call('HSET', KEYS[2], 'halted', why)
    return {'halted', why}
  end
end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('HSET', KEYS[2], 'checkpoint', ARGV[3], 'lastEventRecordedAt', ARGV[4], 'appliedAt', ARGV[5])
return 'applied'
`;

/** What the script did: applied, found the batch applied by another writer, or wrote nothing and says why. */
export type ApplyOutcome =
  | 'applied'
  | 'already_applied'
  | 'writer_ahead'
  | { refused: string }
  /** A command failed after others of its batch were written: the generation must be rebuilt. */
  | { halted: string };
