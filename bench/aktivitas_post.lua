-- aktivitas_post.lua: wrk script for scenario g (bench/README.md): every request is one valid
-- `POST /api/v1/aktivitas` of 1 minute, as one of many pegawai (bearer token) on one of many
-- dates, so that no (pegawai, day) reaches the instansi's daily limit.
--
--   wrk ... -s bench/aktivitas_post.lua URL -- TOKENS_FILE DATES
--
-- TOKENS_FILE: one bearer token a line.  DATES: YYYY-MM-DD,YYYY-MM-DD,... (the caller computes
-- them: past days within the instansi's hari_mundur).  Each wrk thread walks the (token, date)
-- pairs from its own random start in steps of 7919, a prime: unless it divides tokens x dates,
-- every pair has its turn before one comes back, so the minutes spread evenly.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end

local tokens, dates = {}, {}
local i = 0
local headers

function init(args)
  local f = assert(io.open(args[1], "r"), "cannot open the tokens file")
  for line in f:lines() do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  f:close()
  for d in string.gmatch(args[2] or "", "[^,]+") do dates[#dates + 1] = d end
  assert(#tokens > 0 and #dates > 0, "need tokens and dates")
  math.randomseed(os.time() * 100 + (thread_no or 0))
  i = math.random(0, #tokens * #dates - 1)
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  i = i + 7919
  local n = i % (#tokens * #dates)
  local t = tokens[n % #tokens + 1]
  local d = dates[math.floor(n / #tokens) % #dates + 1]
  headers["Authorization"] = "Bearer " .. t
  local body = '{"tanggal":"' .. d .. '","menit":1,"uraian":"Menyusun konsep surat dinas (bench)"}'
  return wrk.format("POST", "/api/v1/aktivitas", headers, body)
end
