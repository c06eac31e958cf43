-- methods: 5,000,000 method calls on a small object (value-style), then 5,000,000 mutating ones, prints a checksum.
local Vec = {}
Vec.__index = Vec

function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end

function Vec:dot(k) return self.x * k + self.y end

function Vec:step(k)
  self.x = self.x + k
  self.y = self.y ~ k
end

local n = 5000000
local v = Vec.new(3, 4)
local sum = 0
for i = 0, n - 1 do
  sum = sum + v:dot(i & 7)
end
local p = Vec.new(1, 2)
for i = 0, n - 1 do
  p:step(i & 7)
end
print(sum .. " " .. p.x .. " " .. p.y)
