package strings
