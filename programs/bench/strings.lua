-- strings: 10 rounds of building a 600 KB string of 100,000 words with table.concat and splitting it
-- (gmatch); prints the totals.
local words = {"alpha", "bravo", "delta", "hotel", "india", "oscar", "romeo", "tango"}
local size, parts, deltas = 0, 0, 0
for round = 0, 9 do
  local buf = {}
  for i = 0, 100000 - 1 do
    buf[#buf + 1] = words[(i + round) % #words + 1]
    buf[#buf + 1] = " "
  end
  local s = table.concat(buf)
  size = size + #s
  -- like Go's strings.Split(s, " "): n separators give n+1 parts
  parts = parts + 1
  for _ in s:gmatch(" ") do parts = parts + 1 end
  for w in s:gmatch("%S+") do
    if w == "delta" then deltas = deltas + 1 end
  end
end
print(size .. " " .. parts .. " " .. deltas)
