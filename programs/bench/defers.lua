-- defers: 2,000,000 protected calls (pcall); every 1000th call raises an error that is caught. Prints counts and a checksum.
local recovered, deferred = 0, 0

local function body(i)
  if i % 1000 == 0 then error("boom") end
  return i & 7
end

local function work(i)
  local ok, r = pcall(body, i)
  deferred = deferred + 1
  if not ok then
    recovered = recovered + 1
    r = -1
  end
  return r
end

local sum = 0
for i = 0, 2000000 - 1 do
  sum = sum + work(i)
end
print(recovered .. " " .. deferred .. " " .. sum)
