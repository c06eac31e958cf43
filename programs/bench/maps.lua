-- maps: int-keyed table; 1,000,000 inserts then 1,000,000 lookups (a third of them hit), prints a checksum.
local n = 1000000
local m = {}
local size = 0
for i = 0, n - 1 do
  local k = i * 3
  if m[k] == nil then size = size + 1 end
  m[k] = i
end
local hits, sum = 0, 0
for i = 0, n - 1 do
  local v = m[i]
  if v ~= nil then
    hits = hits + 1
    sum = sum + v
  end
end
print(size .. " " .. hits .. " " .. sum)
