-- closures: 5,000,000 calls of a closure that captures and updates a variable, prints the result.
local function counter()
  local n = 0
  return function(d)
    n = n + d
    return n
  end
end

local f = counter()
local r = 0
for i = 0, 5000000 - 1 do
  r = f(i & 3)
end
print(r)
