package strconv
